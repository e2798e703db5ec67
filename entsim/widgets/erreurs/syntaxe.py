"""Les erreurs de syntaxe (``SyntaxError``, ``IndentationError``, ``TabError``) en français.

Python refuse une cellule **avant** de l'exécuter quand elle n'est pas écrite selon sa
grammaire. Les messages reconnus sont ceux de CPython 3.10 à 3.13 (le nouvel analyseur,
PEP 617, et ses messages plus précis, « What's New In Python 3.10 », section « Better error
messages ») : on les reconnaît par leur début, qui n'a pas changé d'une version à l'autre ;
un message inconnu reçoit une explication générale, jamais rien.
"""

from __future__ import annotations

import re

from entsim.socle.texte import cite

Raison = tuple[str, str, tuple[str, ...]]

_OUVRANTE = {"(": "parenthèse", "[": "crochet", "{": "accolade"}
_FERMANTE = {")": "parenthèse", "]": "crochet", "}": "accolade"}
_PAIRE = {"(": ")", "[": "]", "{": "}"}

#: Caractères que le clavier ou le traitement de texte glisse à la place des signes de Python.
_CARACTERES = {
    "«": "les guillemets français « » ne servent pas en Python : écrivez des guillemets droits \"…\"",
    "»": "les guillemets français « » ne servent pas en Python : écrivez des guillemets droits \"…\"",
    "’": "l'apostrophe courbe ’ vient souvent d'un copier-coller : écrivez des guillemets droits \"…\"",
    "‘": "l'apostrophe courbe ‘ vient souvent d'un copier-coller : écrivez des guillemets droits \"…\"",
    "“": "les guillemets courbes “ ” viennent souvent d'un copier-coller : écrivez des guillemets droits \"…\"",
    "”": "les guillemets courbes “ ” viennent souvent d'un copier-coller : écrivez des guillemets droits \"…\"",
    "\u00a0": "une espace insécable s'est glissée dans le code : effacez-la et tapez une espace normale",
    "\u202f": "une espace insécable s'est glissée dans le code : effacez-la et tapez une espace normale",
    "–": "le tiret long – n'est pas le signe moins : écrivez -",
    "—": "le tiret long — n'est pas le signe moins : écrivez -",
    "×": "le signe × n'est pas la multiplication de Python : écrivez *",
    "÷": "le signe ÷ n'est pas la division de Python : écrivez /",
}


def expliquer_syntaxe(erreur: SyntaxError) -> Raison:
    """(code, titre, phrases) pour une erreur de syntaxe ou d'indentation."""
    message = str(getattr(erreur, "msg", "") or "")
    if isinstance(erreur, TabError):
        return ("tabulations_et_espaces", "Tabulations et espaces mélangés",
                ("Les lignes de ce bloc sont décalées tantôt avec la touche Tab, tantôt avec des "
                 "espaces ; Python ne sait plus lesquelles vont ensemble.",
                 "Effacez le décalage de la ligne indiquée et refaites-le avec 4 espaces, comme "
                 "les lignes au-dessus."))
    if isinstance(erreur, IndentationError):
        return _indentation(message)
    return _syntaxe(message)


def _indentation(message: str) -> Raison:
    titre = "Décalage de ligne (indentation) incorrect"
    if message.startswith("unexpected indent"):
        return ("decalage_inattendu", titre,
                ("Cette ligne commence par des espaces alors que rien ne l'annonce : en Python, "
                 "le décalage en début de ligne a un sens (il marque un bloc).",
                 "Effacez les espaces au début de la ligne indiquée."))
    if message.startswith("expected an indented block"):
        apres = re.search(r"after '(\w+)' statement on line (\d+)", message)
        quoi = (f"après « {apres.group(1)} … : » (ligne {apres.group(2)})" if apres
                else "après une ligne terminée par « : »")
        return ("bloc_non_decale", titre,
                (f"Python attend un bloc décalé {quoi}.",
                 "Décalez les lignes du bloc de 4 espaces (touche Tab), sous la ligne qui se "
                 "termine par « : »."))
    if message.startswith("unindent does not match"):
        return ("decalage_incoherent", titre,
                ("Cette ligne n'est alignée sur aucune des lignes au-dessus.",
                 "Alignez-la exactement sur les lignes du même bloc (même nombre d'espaces)."))
    if message.startswith("unexpected unindent"):
        return ("decalage_incoherent", titre,
                ("Cette ligne revient à gauche trop tôt : le bloc au-dessus n'est pas fini.",
                 "Alignez-la sur les lignes du même bloc."))
    return ("indentation", titre,
            ("Le décalage en début de ligne n'est pas celui que Python attend.",
             "Alignez les lignes d'un même bloc avec le même nombre d'espaces (4 en général)."))


def _syntaxe(message: str) -> Raison:
    titre = "Python ne comprend pas comment cette ligne est écrite"
    jamais_fermee = re.match(r"'([(\[{])' was never closed", message)
    if jamais_fermee:
        signe = jamais_fermee.group(1)
        nom = _OUVRANTE[signe]
        return ("parenthese_non_fermee", f"Une {nom} ouverte n'est jamais fermée",
                (f"La {nom} « {signe} » soulignée ouvre quelque chose que rien ne ferme.",
                 f"Ajoutez « {_PAIRE[signe]} » à l'endroit où ce qu'elle contient se termine "
                 "(souvent en fin de ligne)."))
    en_trop = re.match(r"unmatched '([)\]}])'", message)
    if en_trop:
        signe = en_trop.group(1)
        nom = _FERMANTE[signe]
        return ("parenthese_en_trop", f"Une {nom} fermante de trop",
                (f"La {nom} « {signe} » ferme quelque chose qui n'a pas été ouvert.",
                 "Effacez-la, ou ajoutez l'ouvrante qui manque plus tôt dans la ligne."))
    melange = re.match(r"closing parenthesis '(.)' does not match opening parenthesis '(.)'",
                       message)
    if melange:
        fermante, ouvrante = melange.groups()
        return ("parentheses_melangees", "Parenthèses et crochets mélangés",
                (f"« {ouvrante} » est fermé par « {fermante} » : il faut le refermer par "
                 f"« {_PAIRE.get(ouvrante, '?')} ».",
                 "Chaque ( se ferme par ), chaque [ par ], chaque { par }."))
    if message.startswith(("unterminated string literal", "EOL while scanning")):
        return ("guillemet_non_ferme", "Un texte n'est pas refermé par un guillemet",
                ("Un texte commence par un guillemet mais la ligne se termine avant le guillemet "
                 "qui le ferme.",
                 "Ajoutez le guillemet de fin (le même que celui du début : \" ou '). Pour un "
                 "texte sur plusieurs lignes, entourez-le de trois guillemets \"\"\"…\"\"\"."))
    if message.startswith(("unterminated triple-quoted", "EOF while scanning triple-quoted")):
        return ("guillemet_non_ferme", "Un texte n'est pas refermé",
                ("Un texte ouvert par trois guillemets \"\"\" n'est jamais refermé.",
                 "Ajoutez \"\"\" à la fin du texte."))
    if message.startswith("expected ':'"):
        return ("deux_points_manquants", "Il manque les deux-points « : »",
                ("Une ligne qui commence par if, elif, else, for, while, def ou class se "
                 "termine par « : ».",
                 "Ajoutez « : » à la fin de la ligne indiquée."))
    if "Maybe you meant '==' " in message or "instead of '='?" in message:
        return ("egal_au_lieu_de_egal_egal", "« = » à la place de « == »",
                ("En Python, « = » range une valeur dans une variable ; pour comparer deux "
                 "valeurs (« est égal à ? »), on écrit « == ».",
                 "Dans un if ou une comparaison, remplacez « = » par « == »."))
    if message.startswith("cannot assign to"):
        return ("affectation_impossible", "Impossible de ranger une valeur ici",
                ("À gauche du signe « = », il faut un nom de variable (par exemple "
                 "reponse_q1), pas un texte, un nombre ou un appel de fonction.",
                 "Écrivez le nom de la variable à gauche : reponse_q1 = \"…\"."))
    if "forgot a comma" in message:
        return ("virgule_oubliee", "Il manque sans doute une virgule",
                ("Deux valeurs se suivent sans rien entre elles.",
                 "Dans une liste, un appel ou un dictionnaire, séparez les éléments par des "
                 "virgules : [\"a\", \"b\"]."))
    caractere = re.match(r"invalid character '(.)'", message)
    if caractere or message.startswith("invalid non-printable character"):
        signe = caractere.group(1) if caractere else "\u00a0"
        conseil = _CARACTERES.get(signe, f"le caractère {cite(signe)} ne fait pas partie du "
                                          "langage Python hors d'un texte entre guillemets")
        return ("caractere_invalide", "Un caractère que Python ne connaît pas",
                (conseil[0].upper() + conseil[1:] + ".",))
    if message.startswith("leading zeros"):
        return ("zero_en_tete", "Un nombre ne commence pas par 0",
                ("Python n'accepte pas 08 ou 09 comme nombre.",
                 "Écrivez 8, ou, pour une heure, un texte entre guillemets : \"08:00\"."))
    if message.startswith("invalid decimal literal") or message.startswith("invalid digit"):
        return ("nombre_mal_ecrit", "Un nombre mal écrit",
                ("Un nombre est collé à des lettres (par exemple 3x ou 2eme).",
                 "Séparez-les (3 * x) ou, si c'est un texte, mettez-le entre guillemets."))
    if message.startswith("Missing parentheses in call to"):
        return ("parentheses_appel", "Il manque les parenthèses de l'appel",
                ("En Python 3, print est une fonction : ce qu'elle affiche va entre "
                 "parenthèses.",
                 "Écrivez print(\"…\")."))
    if message.startswith("f-string"):
        return ("f_string", "Un texte f\"…\" mal écrit",
                ("Dans un texte f\"…\", chaque { doit être fermé par } et contenir une expression "
                 "Python.",))
    if "outside function" in message:
        return ("hors_fonction", "Instruction hors d'une fonction",
                ("return (ou yield) ne s'écrit qu'à l'intérieur d'une fonction (def).",
                 "Pour voir une valeur, écrivez-la seule en dernière ligne, ou utilisez print(…)."))
    if "outside loop" in message:
        return ("hors_boucle", "Instruction hors d'une boucle",
                ("break et continue ne s'écrivent qu'à l'intérieur d'une boucle for ou while.",))
    if message.startswith(("unexpected EOF", "incomplete input")):
        return ("instruction_incomplete", "L'instruction n'est pas finie",
                ("La cellule se termine au milieu d'une instruction : une parenthèse, un "
                 "guillemet ou un bloc n'est pas terminé.",))
    return ("syntaxe", titre,
            ("Regardez l'endroit souligné et juste avant : un mot mal tapé, un signe en trop "
             "ou manquant (parenthèse, guillemet, virgule, deux-points) ?",
             "Comparez avec l'exemple donné dans la consigne."))
