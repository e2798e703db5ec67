"""Les résultats des démonstrations : un constat en français, les étapes et les traces réelles.

Chaque démonstration (:mod:`entsim.demonstrations.sso`, :mod:`entsim.demonstrations.preuves`)
rend un :class:`ResultatDemonstration` : le constat, les étapes, les échanges HTTP, les lignes
du journal (SDET, « Traçabilité des opérations AAS ») et les documents échangés (réponse XML
du serveur CAS, demandes de déconnexion, certificat). Il s'affiche dans un notebook (HTML
échappé, et texte) ; ses sous-classes gardent en plus les objets de la démonstration.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import timedelta

from entsim.journal.chaine import EntreeJournal
from entsim.sso.navigateur import Echange
from entsim.sso.parcours import Parcours
from entsim.sso.reponses import ResultatAcces, ResultatDeconnexion, Validation
from entsim.sso.tickets import EtatTicket, SessionSSO

__all__ = [
    "ResultatDeconnexionUnique", "ResultatDemonstration", "ResultatDeuxServices",
    "ResultatInactivite", "ResultatRejeu", "ResultatSignature", "ResultatTickets",
]


@dataclass(frozen=True, kw_only=True)
class ResultatDemonstration:
    """Ce qu'une démonstration a montré : un constat, les étapes, les traces réelles."""

    titre: str
    code: str
    constat: str
    lignes: tuple[str, ...] = ()
    echanges: tuple[Echange, ...] = field(default=(), repr=False)
    entrees: tuple[EntreeJournal, ...] = field(default=(), repr=False)
    #: Documents échangés, montrés tels quels (repliés « Pour les curieux » dans l'affichage
    #: HTML) : (légende, texte), par exemple le XML.
    documents: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    #: Documents longs, repliés dans l'affichage HTML (« Afficher … ») : le certificat PEM.
    documents_replies: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    #: Affichage bref : le titre et le constat seulement (le détail reste dans les champs).
    bref: bool = False

    def texte(self) -> str:
        """Le résultat en texte : titre, constat, étapes, lignes du journal, documents."""
        if self.bref:
            return f"{self.titre} — {self.constat}"
        morceaux = [self.titre, "=" * len(self.titre), self.constat]
        if self.lignes:
            morceaux += ["", *(f"• {ligne}" for ligne in self.lignes)]
        if self.entrees:
            morceaux += ["", "Journal :"]
            morceaux += [f"  {e.numero} | {e.instant:%H:%M:%S} | {e.libelle} | "
                         f"{e.identite or '—'} | {e.service or '—'} | {e.objet or ''}".rstrip()
                         for e in self.entrees]
        for legende, document in self.documents + self.documents_replies:
            morceaux += ["", f"{legende} :", document]
        return "\n".join(morceaux)

    def __str__(self) -> str:
        return self.texte()

    def journal(self):
        """Les lignes du journal produites par la démonstration (``pandas.DataFrame``)."""
        import pandas as pd

        return pd.DataFrame([e.en_ligne() for e in self.entrees])

    def tableau_echanges(self):
        """Les échanges HTTP de la démonstration (``pandas.DataFrame``)."""
        import pandas as pd

        return pd.DataFrame([e.en_ligne() for e in self.echanges])

    def _repr_html_(self) -> str:
        e = html.escape
        if self.bref:
            return (f'<div class="entsim-demonstration"><strong>{e(self.titre)}</strong> — '
                    f"{e(self.constat)}</div>")
        parties = [f'<div class="entsim-demonstration" style="font-size:1.05em">',
                   f"<h4 style=\"margin:0.3em 0\">{e(self.titre)}</h4>",
                   f"<p><strong>{e(self.constat)}</strong></p>"]
        if self.lignes:
            parties.append("<ul>" + "".join(f"<li>{e(ligne)}</li>" for ligne in self.lignes)
                           + "</ul>")
        if self.entrees:
            cellule = 'style="border:1px solid #888;padding:0.2em 0.5em;text-align:left"'
            entetes = ("N°", "Heure", "Opération", "Identité", "Service", "Objet")
            parties.append(
                "<details><summary>Lignes du journal</summary>"
                '<table style="border-collapse:collapse"><thead><tr>'
                + "".join(f"<th {cellule}>{e(t)}</th>" for t in entetes) + "</tr></thead><tbody>"
                + "".join(
                    "<tr>" + "".join(f"<td {cellule}>{e(str(v))}</td>" for v in (
                        x.numero, f"{x.instant:%H:%M:%S}", x.libelle, x.identite or "—",
                        x.service or "—", x.objet or "")) + "</tr>"
                    for x in self.entrees)
                + "</tbody></table></details>")
        # les documents bruts (XML, certificat PEM) sont repliés : « Pour les curieux »
        for legende, document in self.documents + self.documents_replies:
            parties.append(f"<details><summary>Pour les curieux : {e(legende[0].lower())}"
                           f"{e(legende[1:])} (cliquez pour l'afficher)</summary>"
                           f"<pre style=\"white-space:pre-wrap\">{e(document)}</pre></details>")
        parties.append("</div>")
        return "".join(parties)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        return {"text/plain": self.texte(), "text/html": self._repr_html_()}


@dataclass(frozen=True, kw_only=True)
class ResultatDeuxServices(ResultatDemonstration):
    """Deux services ouverts avec une seule saisie du mot de passe (cinématique du SDET)."""

    parcours: Parcours = field(repr=False)


@dataclass(frozen=True, kw_only=True)
class ResultatTickets(ResultatDemonstration):
    """Les tickets de service émis pour la démonstration, avec leur état."""

    tickets: tuple[EtatTicket, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ResultatRejeu(ResultatDemonstration):
    """Un ticket déjà utilisé présenté une seconde fois : refusé (``INVALID_TICKET``)."""

    ticket: str
    validation: Validation = field(repr=False)
    acces: ResultatAcces = field(repr=False)

    @property
    def refuse(self) -> bool:
        return not self.validation.ok


@dataclass(frozen=True, kw_only=True)
class ResultatInactivite(ResultatDemonstration):
    """Ce qui se passe quand on revient après une période sans activité."""

    #: L'inactivité réelle de la session SSO (depuis sa dernière utilisation).
    duree: timedelta
    expiree: bool
    #: Le temps qu'on a laissé passer pendant cette démonstration.
    attente: timedelta = timedelta(0)
    session: SessionSSO | None = None
    acces: ResultatAcces | None = field(default=None, repr=False)


@dataclass(frozen=True, kw_only=True)
class ResultatDeconnexionUnique(ResultatDemonstration):
    """La déconnexion et sa propagation (déconnexion unique) à chaque service."""

    deconnexion: ResultatDeconnexion = field(repr=False)
    #: (nom du service, ticket qui avait ouvert la session, session fermée ?)
    services: tuple[tuple[str, str, bool], ...] = ()


@dataclass(frozen=True, kw_only=True)
class ResultatSignature(ResultatDemonstration):
    """Un document signé, puis modifié d'un caractère : la vérification échoue."""

    original: object = field(repr=False)          # DocumentSigne
    modifie: object = field(repr=False)           # DocumentSigne
    verification_originale: object = field(repr=False)
    verification_modifiee: object = field(repr=False)
    bits_differents: int = 0
