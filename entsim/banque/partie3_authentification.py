"""Ancien emplacement : voir :mod:`entsim.questions.banque.partie3_authentification`."""

from entsim.questions.banque.partie3_authentification import *  # noqa: F401,F403
from entsim.questions.banque.partie3_authentification import essayer_ticket  # noqa: F401
