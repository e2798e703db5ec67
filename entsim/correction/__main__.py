"""``python -m entsim.correction DOSSIER`` : la même chose que la commande ``entsim-corriger``."""

import sys

from entsim.correction.commande import main

sys.exit(main())
