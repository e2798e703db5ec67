"""Les graphiques de l'usage de l'ENT (partie 2 du cours, Q4–Q6), au style du cours.

Chaque fonction rend un :class:`~entsim.socle.graphiques.Graphique` : la figure (sans
``pyplot``), son titre français et **une phrase calculée sur les données** qui dit ce qu'il
montre (jamais un texte écrit d'avance). Couleurs lisibles par les daltoniens (palette
d'Okabe et Ito, carte « cividis ») et jamais seules : chaque courbe a son style de trait et
son libellé, chaque case d'une carte porte son nombre. Nombres à la française.

Les graphiques marchent sur une activité simulée comme sur le journal de l'AAS (mêmes
colonnes, voir :mod:`entsim.activite.analyses`) ; une période vide donne un graphique vide et
une phrase qui dit qu'il n'y a rien à montrer.
"""

from __future__ import annotations

from contextlib import contextmanager

import numpy as np
import pandas as pd

from entsim.activite.analyses import (JOURS, PROFILS, SUJETS, carte_horaire, creneau_principal,
                                      libelle_profil, par_semaine, pourcentage,
                                      usage_des_services)
from entsim.activite.coordination import (delai_de_publication_des_devoirs,
                                          messages_par_couple, nombre_en_jours)
from entsim.socle.graphiques import (CARTE_SEQUENTIELLE, PALETTE, TRAITS, Graphique,
                                     formater_axe_milliers, nombre_fr, nouvelle_figure,
                                     style_du_cours)
from entsim.socle.texte import ecrire_nombre

#: Le libellé de légende de chaque profil (pluriel).
LEGENDES = {"Élève": "Élèves", "Parent": "Parents", "Enseignant": "Enseignants",
            "Personnel": "Personnels", "Invité": "Invités", "Inconnu": "Identités inconnues"}
#: « écrire aux parents » : le complément de chaque profil.
DESTINATAIRES = {"Élève": "aux élèves", "Parent": "aux parents",
                 "Enseignant": "aux enseignants", "Personnel": "aux personnels",
                 "Invité": "aux invités", "Inconnu": "à des identités inconnues"}
#: Une marque par profil (visible même pour une seule semaine, et sans la couleur).
MARQUES = ("o", "s", "^", "D", "v", "P")
MOIS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
        "nov.", "déc.")


@contextmanager
def _style():
    """Le style du cours pendant tout le dessin (titres, étiquettes, légendes)."""
    import matplotlib

    with matplotlib.rc_context(style_du_cours()):
        yield


def compter(nombre: int, nom: str) -> str:
    """« 1 connexion », « 12 345 connexions » (nombre à la française, nom accordé)."""
    return f"{ecrire_nombre(nombre)} {nom if abs(nombre) < 2 else nom + 's'}"


def _sujet(profil: str | None) -> str:
    return SUJETS.get(profil, f"les « {profil} »")


def _style_profil(profil: str) -> dict:
    rang = PROFILS.index(profil) if profil in PROFILS else len(PROFILS)
    return {"color": PALETTE[rang % 7], "linestyle": TRAITS[rang % 7],
            "marker": MARQUES[rang % len(MARQUES)]}


def _axe_entier(axe) -> None:
    """Des graduations entières (on compte des connexions), écrites à la française."""
    from matplotlib.ticker import MaxNLocator

    axe.set_major_locator(MaxNLocator(integer=True))
    formater_axe_milliers(axe)


def _vide(figure, axes, titre: str, phrase: str) -> Graphique:
    """Un graphique sans données : le titre, et au centre la phrase « rien à montrer »."""
    axes.set_title(titre)
    axes.text(0.5, 0.5, phrase, ha="center", va="center", wrap=True,
              transform=axes.transAxes)
    axes.set_xticks([])
    axes.set_yticks([])
    return Graphique(figure, titre, phrase)


def _carte(figure, axes, valeurs: np.ndarray, legende_barre: str, *, annoter: bool,
           format_case=lambda v: nombre_fr(v)):
    """Une carte de chaleur cividis, sa barre de couleur légendée et, si ``annoter``, le
    nombre écrit dans chaque case (la couleur n'est jamais seule)."""
    image = axes.imshow(valeurs, aspect="auto", cmap=CARTE_SEQUENTIELLE,
                        vmin=0, vmax=max(float(valeurs.max()), 1.0) if valeurs.size else 1.0)
    barre = figure.colorbar(image, ax=axes)
    barre.set_label(legende_barre)
    _axe_entier(barre.ax.yaxis)
    if annoter:
        seuil = image.norm.vmax / 2
        for (ligne, colonne), valeur in np.ndenumerate(valeurs):
            axes.text(colonne, ligne, format_case(valeur), ha="center", va="center",
                      color="black" if valeur > seuil else "white", fontsize=11)
    return image


# -- quand : heure × jour ------------------------------------------------------------------
def graphique_carte_horaire(tableau: object, profil: object = None,
                            etablissement: object = None) -> Graphique:
    """Carte de chaleur des connexions par heure (0 h à 23 h) et jour de la semaine, pour
    tout le monde ou un profil (« Parent »…)."""
    carte = carte_horaire(tableau, profil, etablissement)
    libelle = None if profil is None else libelle_profil(profil)
    sujet = _sujet(libelle)
    titre = (f"Connexions des {sujet[4:]} à l'ENT, par heure et par jour" if libelle
             else "Connexions à l'ENT, par heure et par jour")
    with _style():
        figure, axes = nouvelle_figure(9, 8)
        total = int(carte.to_numpy().sum())
        if total == 0:
            return _vide(figure, axes, titre, f"Aucune connexion{_de(libelle)} dans ce "
                                              f"journal : rien à montrer.")
        _carte(figure, axes, carte.to_numpy(), "Nombre de connexions", annoter=False)
        axes.set_title(titre)
        axes.set_xticks(range(7), JOURS)
        axes.set_yticks(range(0, 24, 2), [f"{h} h" for h in range(0, 24, 2)])
        axes.set_xlabel("Jour de la semaine")
        axes.set_ylabel("Heure de la connexion")
    creneau = creneau_principal(carte)
    jour = JOURS[int(np.argmax(carte.sum(axis=0).to_numpy()))]
    phrase = (f"{sujet.capitalize()} se connectent surtout {creneau.texte()} "
              f"({pourcentage(creneau.part)} de leurs connexions), le plus souvent le {jour}.")
    return Graphique(figure, titre, phrase)


def _de(libelle: str | None) -> str:
    return "" if libelle is None else " des " + _sujet(libelle)[4:]


# -- l'année, semaine par semaine ----------------------------------------------------------
def _nom_court(nom: str) -> str:
    for prefixe in ("Vacances de la ", "Vacances de ", "Vacances d'"):
        if nom.startswith(prefixe):
            return nom[len(prefixe):].capitalize()
    return nom


def _axe_des_dates(axe, debut: pd.Timestamp, fin: pd.Timestamp) -> None:
    """Graduations en français : un lundi sur deux (« 6 oct. ») sur une période courte, le
    début de chaque mois (« oct. ») sur une longue ; l'année est dans le titre de l'axe."""
    import matplotlib.dates as mdates
    from matplotlib.ticker import FuncFormatter

    courte = (fin - debut).days <= 120

    def etiquette(valeur, _position):
        jour = mdates.num2date(valeur)
        return (f"{jour.day} " if courte else "") + MOIS[jour.month - 1]

    axe.set_major_locator(mdates.WeekdayLocator(byweekday=mdates.MO, interval=2) if courte
                          else mdates.MonthLocator())
    axe.set_major_formatter(FuncFormatter(etiquette))


def _annees(debut: pd.Timestamp, fin: pd.Timestamp) -> str:
    return str(debut.year) if debut.year == fin.year else f"{debut.year}-{fin.year}"


def graphique_annee(tableau: object, etablissement: object = None,
                    calendrier: object = None) -> Graphique:
    """Les connexions semaine par semaine, une courbe par profil (couleur, style de trait et
    légende), les vacances scolaires grisées et nommées (avec le calendrier : celui de
    l'activité simulée s'il n'est pas donné)."""
    semaines = par_semaine(tableau, etablissement, calendrier)
    if calendrier is None:
        calendrier = getattr(tableau, "calendrier", None)
    profils = [p for p in semaines.columns if p != "Vacances" and semaines[p].sum() > 0]
    titre = "Connexions à l'ENT semaine par semaine, par profil"
    with _style():
        figure, axes = nouvelle_figure(12, 6)
        if not profils:
            return _vide(figure, axes, titre, "Aucune connexion dans ce journal : rien à "
                                              "montrer.")
        for profil in profils:
            axes.plot(semaines.index, semaines[profil], label=LEGENDES.get(profil, profil),
                      linewidth=2.2, markersize=6, **_style_profil(profil))
        if calendrier is not None:
            _griser_vacances(axes, calendrier, semaines.index)
        axes.set_title(titre)
        axes.set_xlabel(f"Semaine (date du lundi), "
                        f"{_annees(semaines.index.min(), semaines.index.max())}")
        axes.set_ylabel("Connexions par semaine")
        _axe_entier(axes.yaxis)
        _axe_des_dates(axes.xaxis, semaines.index.min(), semaines.index.max())
        axes.set_ylim(bottom=0)
        axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return Graphique(figure, titre, _phrase_annee(semaines, profils))


def _griser_vacances(axes, calendrier, index: pd.DatetimeIndex) -> None:
    debut, fin = index.min(), index.max() + pd.Timedelta(days=7)
    premiere = True
    for nom, premier, dernier in calendrier.vacances():
        premier, apres = pd.Timestamp(premier), pd.Timestamp(dernier) + pd.Timedelta(days=1)
        if apres <= debut or premier >= fin:
            continue
        premier, apres = max(premier, debut), min(apres, fin)
        axes.axvspan(premier, apres, facecolor="0.85", zorder=0, hatch="//", edgecolor="0.7",
                     label="Vacances scolaires" if premiere else None)
        premiere = False
        if (apres - premier).days >= 5:
            axes.text(premier + (apres - premier) / 2, 0.98, _nom_court(nom), rotation=90,
                      ha="center", va="top", transform=axes.get_xaxis_transform(),
                      fontsize=11, bbox={"facecolor": "white", "edgecolor": "none",
                                         "alpha": 0.8, "pad": 1})


def _moyenne(valeur: float) -> str:
    """Une moyenne à la française : une décimale sous 10 (« 4,5 »), entière au-delà."""
    return ecrire_nombre(round(valeur, 1) if valeur < 10 else int(valeur + 0.5))


def _phrase_annee(semaines: pd.DataFrame, profils: list[str]) -> str:
    totaux = semaines[profils].sum(axis=1)
    pic = totaux.idxmax()
    principal = semaines.loc[pic, profils].astype(int).idxmax()
    part = semaines.loc[pic, principal] / totaux[pic]
    sommet = (f"la semaine la plus chargée est celle du {pic:%d/%m/%Y}, avec "
              f"{compter(int(totaux[pic]), 'connexion')}, dont {pourcentage(part)} par "
              f"{_sujet(principal)}")
    if "Vacances" in semaines.columns:
        en_vacances = semaines["Vacances"] != ""
        if en_vacances.any() and (~en_vacances).any():
            vacances = float(totaux[en_vacances].mean())
            cours = _moyenne(float(totaux[~en_vacances].mean()))
            return (f"Pendant les vacances, l'ENT ne reçoit que {_moyenne(vacances)} "
                    f"{'connexion' if vacances < 2 else 'connexions'} par "
                    f"semaine en moyenne, contre {cours} les semaines de cours ; {sommet}.")
    return sommet[0].upper() + sommet[1:] + "."


# -- qui ouvre quoi ------------------------------------------------------------------------
#: En dessous de ce nombre d'ouvertures, la phrase précise sur combien porte un pourcentage.
PEU_D_OUVERTURES = 100

def graphique_profils_services(tableau: object, etablissement: object = None,
                               catalogue: object = None, nombre: int = 10) -> Graphique:
    """Carte des services ouverts par chaque profil : pour les ``nombre`` services les plus
    ouverts, la part (en %) des ouvertures de chaque profil, écrite dans chaque case."""
    usage = usage_des_services(tableau, etablissement, catalogue)
    usage = usage[usage.sum(axis=1) > 0]
    titre = "Services ouverts par chaque profil"
    with _style():
        figure, axes = nouvelle_figure(11, 7)
        if usage.empty or int(usage.to_numpy().sum()) == 0:
            return _vide(figure, axes, titre, "Aucun service ouvert dans ce journal : rien "
                                              "à montrer.")
        parts = usage.div(usage.sum(axis=1), axis=0) * 100
        montrees = parts.iloc[:, :nombre].T                  # services en lignes
        _carte(figure, axes, montrees.to_numpy(), "Part des ouvertures du profil (%)",
               annoter=True, format_case=lambda v: f"{nombre_fr(v)}\u202f%")
        axes.set_title(titre)
        ouvertures = usage.sum(axis=1).astype(int)
        axes.set_xticks(range(len(montrees.columns)),
                        [f"{LEGENDES.get(p, p)}\n({compter(int(ouvertures[p]), 'ouverture')})"
                         for p in montrees.columns])
        axes.set_yticks(range(len(montrees.index)), list(montrees.index))
        axes.set_xlabel("Profil")
        axes.set_ylabel("Service")
    morceaux = []
    for rang, profil in enumerate(usage.index):
        service = parts.loc[profil].idxmax()
        part = pourcentage(parts.loc[profil, service] / 100)
        nombre = int(usage.loc[profil].sum())
        # sur moins de PEU_D_OUVERTURES ouvertures, le pourcentage est fragile : on le dit
        peu = ("" if nombre >= PEU_D_OUVERTURES else
               f", sur {ecrire_nombre(nombre)} {'seule' if nombre == 1 else 'seulement'}")
        morceaux.append(f"{_sujet(profil)}{' ouvrent surtout' if rang == 0 else ''} "
                        f"« {service} » ({part}{' de leurs ouvertures' if rang == 0 else ''}"
                        f"{peu})")
    phrase = ", ".join(morceaux) + "."
    phrase = phrase[0].upper() + phrase[1:]
    return Graphique(figure, titre, phrase)


# -- qui écrit à qui -----------------------------------------------------------------------
def graphique_messages(messages: object) -> Graphique:
    """Carte « qui écrit à qui » : le nombre de messages par profil de l'expéditeur (lignes)
    et du destinataire (colonnes), écrit dans chaque case."""
    couples = messages_par_couple(messages)
    titre = "Qui écrit à qui dans la messagerie de l'ENT"
    total = int(couples.to_numpy().sum())
    with _style():
        figure, axes = nouvelle_figure(9, 7)
        if total == 0:
            return _vide(figure, axes, titre, "Aucun message sur la période : rien à montrer.")
        _carte(figure, axes, couples.to_numpy(), "Nombre de messages", annoter=True)
        axes.set_title(titre)
        axes.set_xticks(range(len(couples.columns)),
                        [LEGENDES.get(p, p) for p in couples.columns])
        axes.set_yticks(range(len(couples.index)), [LEGENDES.get(p, p) for p in couples.index])
        axes.set_xlabel("Profil du destinataire")
        axes.set_ylabel("Profil de l'expéditeur")
    pile = couples.stack()
    expediteur, destinataire = pile.idxmax()
    nombre = int(pile.max())
    verbe = (f"{_sujet(expediteur)} s'écrivent entre eux" if expediteur == destinataire
             else f"{_sujet(expediteur)} écrivent {DESTINATAIRES.get(destinataire, destinataire)}")
    phrase = (f"Le plus souvent, {verbe} ({compter(nombre, 'message')}, "
              f"{pourcentage(nombre / total)} du total)")
    if {"Parent", "Enseignant"} <= set(couples.index) and (expediteur, destinataire) not in (
            ("Parent", "Enseignant"), ("Enseignant", "Parent")):
        echanges = int(couples.loc["Parent", "Enseignant"] + couples.loc["Enseignant", "Parent"])
        phrase += (f" ; entre parents et enseignants, dans les deux sens : "
                   f"{compter(echanges, 'message')}")
    return Graphique(figure, titre, phrase + ".")


# -- les devoirs publiés à l'avance --------------------------------------------------------
def graphique_devoirs(devoirs: object) -> Graphique:
    """Histogramme des jours entre la publication d'un devoir dans le cahier de textes et
    la date pour laquelle il est donné, avec la médiane (trait tireté, légendé)."""
    delai = delai_de_publication_des_devoirs(devoirs)
    titre = "Combien de jours à l'avance les devoirs sont publiés"
    with _style():
        figure, axes = nouvelle_figure(10, 5.5)
        if delai.nombre == 0:
            return _vide(figure, axes, titre, "Aucun devoir publié sur la période : rien à "
                                              "montrer.")
        distribution = delai.distribution["Devoirs"]
        axes.bar(distribution.index, distribution.to_numpy(), color=PALETTE[0],
                 edgecolor="black", label="Devoirs")
        axes.axvline(delai.mediane, color=PALETTE[5], linestyle=TRAITS[1], linewidth=2.5,
                     label=f"Médiane : {nombre_en_jours(delai.mediane)}")
        axes.axvline(1.5, color=PALETTE[2], linestyle=TRAITS[3], linewidth=2.5,
                     label="Seuil de 2 jours")
        axes.set_title(titre)
        axes.set_xlabel("Jours entre la publication et la date prévue")
        axes.set_ylabel("Nombre de devoirs")
        _axe_entier(axes.yaxis)
        axes.legend()
    phrase = (f"La moitié des devoirs sont publiés au moins {nombre_en_jours(delai.mediane)} "
              f"avant la date prévue, et {pourcentage(delai.part_deux_jours_ou_plus)} au "
              f"moins 2 jours avant.")
    return Graphique(figure, titre, phrase)
