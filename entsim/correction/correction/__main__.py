"""``python -m entsim.correction.correction DOSSIER`` : comme ``python -m entsim.correction``
(ce sous-paquet était un module que l'on pouvait lancer ainsi)."""

import sys

from entsim.correction.correction.commande import main

sys.exit(main())
