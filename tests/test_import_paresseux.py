"""``import entsim`` reste léger (issue 17) : l'ENT et ses modules ne se chargent qu'à la
première utilisation, ``from entsim import ENT`` marche comme avant."""

import subprocess
import sys


def _python(code: str) -> str:
    resultat = subprocess.run([sys.executable, "-W", "error", "-c", code], check=True,
                              capture_output=True, text=True)
    return resultat.stdout.strip()


def test_import_entsim_ne_charge_pas_l_ent():
    sortie = _python("import sys, entsim; "
                     "print(sorted(m for m in sys.modules if m.startswith('entsim')))")
    assert sortie == "['entsim']"


def test_l_ent_se_charge_a_la_premiere_utilisation():
    sortie = _python("import entsim\n"
                     "from entsim import ENT, MOTS_DE_PASSE_DEMO\n"
                     "import entsim.ent\n"
                     "print(ENT is entsim.ent.ENT, entsim.ENT is ENT, 'ENT' in dir(entsim),\n"
                     "      sorted(MOTS_DE_PASSE_DEMO) == sorted(entsim.ent.MOTS_DE_PASSE_DEMO))\n"
                     "try:\n"
                     "    entsim.n_existe_pas\n"
                     "except AttributeError as e:\n"
                     "    print('n_existe_pas' in str(e))")
    assert sortie.split() == ["True"] * 5
