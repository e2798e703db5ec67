"""``python -m entsim.questions generer|verifier`` : la même chose que la commande ``entsim-fiches``."""

import sys

from entsim.questions.exercices import main

sys.exit(main())
