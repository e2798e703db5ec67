"""Les erreurs levées pendant l'exécution d'une cellule, expliquées en français.

On reconnaît le cas par la classe de l'exception, puis par le début de son message (ceux de
CPython 3.10 à 3.13, documentés dans « Built-in Exceptions » de la documentation de Python) ;
les attributs ``name`` et ``obj`` de ``NameError``/``AttributeError`` (Python 3.10+) donnent le
nom fautif sans lire le message. Un cas inconnu reçoit une explication générale.
"""

from __future__ import annotations

import re
import sys
from typing import Iterable

from entsim.socle.erreurs import ErreurENT
from entsim.socle.texte import cite
from entsim.widgets.erreurs.commun import NOMS_PYTHON, nom_proche

Raison = tuple[str, str, tuple[str, ...]]

#: Le nom des types de Python, pour un élève.
_TYPES = {"str": "un texte", "int": "un nombre entier", "float": "un nombre décimal",
          "NoneType": "None (rien)", "list": "une liste", "dict": "un dictionnaire",
          "tuple": "un n-uplet", "bool": "un booléen (True ou False)", "set": "un ensemble",
          "function": "une fonction", "method": "une méthode", "DataFrame": "un tableau",
          "Series": "une colonne de tableau", "module": "un module"}

#: Les noms que les notebooks importent, et la ligne qui les importe.
_IMPORTS = {"ENT": "from entsim import ENT", "fiche": "from entsim.questions import fiche",
            "pd": "import pandas as pd"}


def nom_type(nom: str) -> str:
    return _TYPES.get(nom, f"un objet de type {nom}")


def expliquer_execution(erreur: BaseException, noms: Iterable[str] = ()) -> Raison:
    """(code, titre, phrases) pour une erreur levée pendant l'exécution d'une cellule."""
    noms = list(noms)
    message = str(erreur)
    if isinstance(erreur, ErreurENT):
        return ("erreur_ent", "L'ENT simulé refuse cette demande", (message,))
    if type(erreur).__name__ == "UsageError":       # IPython.core.error.UsageError
        return ("commande_magique", "Commande de Jupyter (%) mal écrite",
                ("Une ligne qui commence par % est une commande de Jupyter, pas du Python : "
                 "vérifiez son nom (par exemple %time), ou retirez le %.",))
    if isinstance(erreur, NameError):
        return _nom(erreur, noms)
    if isinstance(erreur, ModuleNotFoundError):
        return _module(erreur)
    if isinstance(erreur, ImportError):
        return _import(erreur)
    if isinstance(erreur, AttributeError):
        return _attribut(erreur)
    if isinstance(erreur, TypeError):
        return _type(message)
    if isinstance(erreur, KeyError):
        cle = erreur.args[0] if erreur.args else None
        return ("cle_inconnue", "Cette clé n'existe pas",
                (f"On a demandé {cite(cle)} dans un dictionnaire ou une colonne de tableau qui "
                 "ne contient rien sous ce nom.",
                 "Vérifiez l'orthographe, les accents et les majuscules ; affichez les clés "
                 "disponibles (par exemple list(d) ou tableau.columns)."))
    if isinstance(erreur, IndexError):
        return ("position_inexistante", "Cette position n'existe pas",
                ("On a demandé un élément au-delà de la fin de la liste (ou du texte, du "
                 "tableau).",
                 "Les positions commencent à 0 : dans une liste de 3 éléments, elles vont de 0 "
                 "à 2 ; la dernière est aussi [-1]."))
    if isinstance(erreur, ZeroDivisionError):
        return ("division_par_zero", "Division par zéro",
                ("Le nombre par lequel on divise vaut 0 : le calcul n'a pas de sens.",
                 "Vérifiez la valeur du diviseur (ou testez-la avec un if avant de diviser)."))
    if isinstance(erreur, ValueError):
        return _valeur(message)
    if isinstance(erreur, RecursionError):
        return ("recursion", "Une fonction s'appelle sans fin",
                ("Une fonction s'appelle elle-même sans jamais s'arrêter.",))
    if isinstance(erreur, KeyboardInterrupt):
        return ("interruption", "Exécution interrompue",
                ("La cellule a été arrêtée (bouton ■ ou menu Noyau → Interrompre) avant la "
                 "fin.",))
    if isinstance(erreur, FileNotFoundError):
        return ("fichier_introuvable", "Fichier introuvable",
                (f"Le fichier {cite(erreur.filename)} n'existe pas à cet endroit.",
                 "Vérifiez son nom et le dossier où il se trouve."))
    if isinstance(erreur, AssertionError):
        return ("verification_echouee", "Une vérification a échoué",
                ("Une ligne assert a trouvé une valeur qui n'est pas celle attendue.",)
                + ((f"Message de la vérification : {cite(message)}.",) if message else ()))
    return ("erreur", f"Python s'est arrêté sur une erreur ({type(erreur).__name__})",
            ("Lisez la ligne indiquée et le message d'origine de Python ci-dessous ; "
             "corrigez, puis exécutez de nouveau la cellule.",))


def _nom(erreur: NameError, noms: list[str]) -> Raison:
    nom = getattr(erreur, "name", None)
    if not nom:
        trouve = re.search(r"name '([^']+)'", str(erreur)) or re.search(
            r"variable '([^']+)'", str(erreur))
        nom = trouve.group(1) if trouve else "?"
    if isinstance(erreur, UnboundLocalError):
        return ("variable_locale", f"La variable « {nom} » n'a pas encore de valeur",
                (f"Dans cette fonction, « {nom} » est utilisée avant d'avoir reçu une valeur.",))
    phrases = [f"Python ne connaît aucune variable ni fonction nommée « {nom} »."]
    proche = NOMS_PYTHON.get(nom.casefold()) or nom_proche(nom, noms)
    if proche:
        phrases.append(f"Vouliez-vous écrire « {proche} » ?")
    if nom in _IMPORTS:
        phrases.append(f"Il faut d'abord l'importer : {_IMPORTS[nom]}")
    phrases.append("S'il est défini plus haut, exécutez d'abord la cellule qui le définit.")
    if not proche and nom not in _IMPORTS:
        phrases.append(f"Si c'est un texte, mettez-le entre guillemets : \"{nom}\".")
    return ("nom_inconnu", f"Le nom « {nom} » n'est pas défini", tuple(phrases))


def _module(erreur: ModuleNotFoundError) -> Raison:
    module = erreur.name or "?"
    phrases = [f"Python ne trouve pas de module (bibliothèque) nommé « {module} »."]
    racine = module.split(".")[0]
    proche = nom_proche(racine, list(sys.modules) + ["entsim"])
    if proche and proche != racine:
        phrases.append(f"Vouliez-vous écrire « {proche} » ?")
    phrases.append("Vérifiez l'orthographe. S'il est bien écrit, il n'est pas installé sur "
                   "ce poste : demandez à votre professeur (n'installez rien vous-même).")
    return ("module_introuvable", f"Le module « {module} » est introuvable", tuple(phrases))


def _import(erreur: ImportError) -> Raison:
    trouve = re.match(r"cannot import name '([^']+)' from '([^']+)'", str(erreur))
    if not trouve:
        return ("import_impossible", "L'importation a échoué",
                ("Python n'a pas pu importer ce qui est demandé.",))
    nom, module = trouve.groups()
    phrases = [f"Le module « {module} » ne contient rien qui s'appelle « {nom} »."]
    charge = sys.modules.get(module)
    proche = nom_proche(nom, dir(charge)) if charge is not None else None
    if proche:
        phrases.append(f"Vouliez-vous écrire « {proche} » ?")
    phrases.append("Vérifiez l'orthographe et les majuscules, en recopiant la ligne de la "
                   "consigne.")
    return ("nom_absent_du_module", f"« {nom} » n'existe pas dans « {module} »", tuple(phrases))


def _attribut(erreur: AttributeError) -> Raison:
    message = str(erreur)
    nom = getattr(erreur, "name", None)
    trouve = re.match(r"'([^']+)' object has no attribute '([^']+)'", message)
    module = re.match(r"module '([^']+)' has no attribute '([^']+)'", message)
    type_ = trouve.group(1) if trouve else None
    nom = nom or (trouve.group(2) if trouve else module.group(2) if module else "?")
    if type_ == "NoneType":
        return ("attribut_de_none", f"« .{nom} » sur None",
                ("La variable utilisée avant le point vaut None (rien) : une cellule n'a pas "
                 "été exécutée, une réponse n'a pas été écrite, ou une fonction n'a rien "
                 "renvoyé.",
                 "Remontez à la cellule qui devait lui donner une valeur et exécutez-la."))
    objet = getattr(erreur, "obj", None)
    proche = nom_proche(nom, dir(objet)) if objet is not None else None
    de_quoi = (f"le module « {module.group(1)} »" if module
               else nom_type(type_) if type_ else "cet objet")
    phrases = [f"{de_quoi[0].upper()}{de_quoi[1:]} n'a pas d'attribut ni de méthode "
               f"« {nom} »."]
    if proche:
        phrases.append(f"Vouliez-vous écrire « .{proche} » ?")
    phrases.append("Vérifiez le nom écrit après le point (orthographe, accents, majuscules).")
    return ("attribut_inconnu", f"« .{nom} » n'existe pas ici", tuple(phrases))


def _type(message: str) -> Raison:
    titre = "Une opération sur une valeur du mauvais type"
    arguments = re.match(r"(\S+?)\(\) (takes|missing|got)", message)
    if arguments:
        parties = arguments.group(1).split(".")
        # « Portail.__init__() missing… » : c'est l'appel Portail(…) que l'élève a écrit
        fonction = parties[-2] if parties[-1] == "__init__" and len(parties) > 1 else parties[-1]
        return ("nombre_d_arguments", f"Mauvais arguments pour « {fonction}() »",
                ("La fonction n'a pas reçu les valeurs qu'elle attend entre parenthèses "
                 "(trop, pas assez, ou un nom d'argument inconnu).",
                 f"Comparez votre appel avec l'exemple de la consigne ; help({fonction}) "
                 "affiche la liste de ses arguments."))
    appel = re.match(r"'([^']+)' object is not callable", message)
    if appel:
        if appel.group(1) == "NoneType":
            return ("none_appele", "None n'est pas une fonction",
                    ("On a mis des parenthèses après une valeur qui vaut None (rien), comme "
                     "si c'était une fonction.",
                     "Vérifiez le nom placé juste avant les parenthèses."))
        return ("pas_une_fonction", "Ce n'est pas une fonction",
                (f"On a mis des parenthèses (…) après {nom_type(appel.group(1))}, comme si "
                 "c'était une fonction.",
                 "Une variable porte peut-être le même nom qu'une fonction (par exemple "
                 "print = …) : redémarrez le noyau, ou retirez les parenthèses."))
    indice = re.match(r"'([^']+)' object is not subscriptable", message)
    if indice:
        quoi = nom_type(indice.group(1))
        return ("pas_indexable", "Les crochets [ ] ne vont pas ici",
                (f"On a écrit des crochets [ ] après {quoi}, qui ne contient pas d'éléments "
                 "numérotés ni de clés.",) + (
                    ("La variable vaut None : une cellule n'a sans doute pas été exécutée, ou "
                     "une fonction n'a rien renvoyé.",) if indice.group(1) == "NoneType"
                    else ("Pour appeler une fonction, on utilise des parenthèses ( ).",)))
    concatener = re.match(r'can only concatenate str \(not "([^"]+)"\) to str', message)
    if concatener or re.match(r"unsupported operand type\(s\) for \+: '(int|float)' and 'str'",
                              message):
        return ("texte_plus_nombre", "On ne peut pas ajouter un texte et un nombre",
                ("Le signe + colle deux textes, ou additionne deux nombres, mais ne mélange "
                 "pas les deux.",
                 "Pour coller un nombre à un texte : str(nombre), ou f\"… {nombre} …\" ; pour "
                 "calculer avec un texte qui contient un nombre : int(texte) ou float(texte)."))
    operation = re.match(r"unsupported operand type\(s\) for ([^:]+): '([^']+)' and '([^']+)'",
                         message)
    if operation:
        signe, gauche, droite = operation.groups()
        return ("operation_impossible", f"Opération « {signe.strip()} » impossible",
                (f"On ne peut pas calculer {nom_type(gauche)} {signe.strip()} "
                 f"{nom_type(droite)}.",
                 "Vérifiez que les deux valeurs sont bien du type attendu (une variable vaut "
                 "peut-être None, ou un nombre est écrit entre guillemets)."))
    iterable = re.match(r"'([^']+)' object is not iterable", message)
    if iterable:
        return ("pas_parcourable", "On ne peut pas parcourir cette valeur",
                (f"Une boucle for (ou list(…)) a reçu {nom_type(iterable.group(1))}, qui ne "
                 "contient pas d'éléments à parcourir.",))
    if "does not support item assignment" in message:
        return ("non_modifiable", "Cette valeur ne se modifie pas",
                ("Un texte ou un n-uplet ne se modifie pas case par case : fabriquez une "
                 "nouvelle valeur.",))
    return ("type", titre,
            ("Une fonction ou une opération a reçu une valeur d'un type qu'elle n'accepte pas "
             "(un texte au lieu d'un nombre, None au lieu d'une liste…).",
             "Vérifiez le type des valeurs de la ligne indiquée : type(valeur) l'affiche."))


def _valeur(message: str) -> Raison:
    conversion = re.match(r"(invalid literal for int\(\) with base \d+|could not convert "
                          r"string to float): (.*)$", message)
    if conversion:
        texte = conversion.group(2)
        phrases = [f"Le texte {texte} ne peut pas être converti en nombre."]
        if "," in texte:
            phrases.append("En Python, la virgule des nombres décimaux s'écrit avec un point : "
                           "2.5 et non 2,5.")
        return ("conversion_impossible", "Ce texte n'est pas un nombre", tuple(phrases))
    deballage = re.match(r"(too many|not enough) values to unpack", message)
    if deballage:
        return ("deballage", "Pas le bon nombre de valeurs",
                ("À gauche du « = », le nombre de variables n'est pas le nombre de valeurs à "
                 "droite.",))
    return ("valeur_invalide", "Une valeur qui ne convient pas",
            ("Une fonction a reçu une valeur du bon type mais qui ne convient pas (vide, "
             "négative, mal écrite…).",
             "Lisez le message d'origine de Python ci-dessous : il dit quelle valeur pose "
             "problème."))
