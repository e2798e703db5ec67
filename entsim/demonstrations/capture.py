"""Ce que voit un espion sur le Wi-Fi du CDI : une connexion en HTTP, puis en HTTPS (TLS).

Question 16 : « TLS » (le cours de 2013 dit « SSL », l'ancien nom ; SSL 3.0 est interdit
depuis 2015, RFC 7568). :func:`capturer_connexion` fait une vraie connexion de l'élève avec
le serveur CAS simulé, puis écrit les paquets que capterait quelqu'un qui écoute le réseau
Wi-Fi (un logiciel comme Wireshark) :

* en **HTTP**, tout circule en clair : l'identifiant et le **mot de passe** dans le
  formulaire envoyé (``username=…&password=…``), le cookie de session SSO (TGC), le ticket
  de service dans l'adresse — de quoi se connecter à la place de l'élève ;
* en **HTTPS**, TLS 1.3 (RFC 8446) chiffre et authentifie tout ce qui suit la poignée de
  main : adresses des pages, formulaire, cookies, contenu. L'espion ne voit plus que des
  **métadonnées** : les adresses IP et les ports, le nom du serveur (requête DNS, et
  extension SNI du ClientHello envoyée en clair : RFC 8446, section 4.2 ; RFC 6066,
  section 3), la taille et l'heure de chaque enregistrement. TLS ne cache donc ni *à qui*
  on parle, ni *quand*, ni *combien* : seulement *ce qui est dit*.

Les enregistrements chiffrés sont de vrais chiffrés AES-128-GCM (suite
``TLS_AES_128_GCM_SHA256``, RFC 8446, section 5.2 : en-tête de 5 octets en données
associées, type de contenu ajouté au texte, étiquette de 16 octets ; nonce = IV XOR numéro
d'enregistrement, section 5.3). Simplification assumée : les clés ne sont pas négociées par un
échange Diffie-Hellman (section 7) mais tirées de la source de hasard de la simulation ; en
mode reproductible, la capture est donc identique d'une exécution à l'autre. Adresses IP de
documentation (RFC 5737) et privées (RFC 1918) : aucune adresse réelle.

Les octets eux-mêmes (HTTP, DNS, poignée de main et enregistrements TLS) sont fabriqués par
:mod:`entsim.demonstrations.trames`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import quote_plus, urlsplit

from entsim.socle.erreurs import ValeurInvalide, verifier_texte
from entsim.socle.texte import cite
from entsim.socle.saisie import sans_demi_codet
from entsim.authentification.hachage import LONGUEUR_MAX_MOT_DE_PASSE
from entsim.sso.navigateur import CANAL_NAVIGATEUR, Navigateur
from entsim.sso.tickets import NOM_COOKIE_TGC
from entsim.demonstrations.commun import exiger_ent
from entsim.demonstrations.trames import (RAISONS, TYPE_POIGNEE, CanalTLS, client_hello,
                                          fragments, reponse_http, requete_dns, requete_http,
                                          server_hello)

#: Les deux façons de transporter la connexion.
PROTOCOLES = ("http", "https")

#: Adresses du réseau du CDI (RFC 1918) et du serveur de l'ENT (RFC 5737, TEST-NET-3).
IP_POSTE = "192.168.10.37"
IP_RESOLVEUR = "192.168.10.1"
IP_SERVEUR = "203.0.113.10"

#: Poste de l'élève : un ordinateur portable connecté au Wi-Fi du CDI.
POSTE_WIFI = "Portable (Wi-Fi du CDI)"

#: Longueur maximale d'un identifiant saisi dans le formulaire de la capture.
LONGUEUR_MAX_IDENTIFIANT = 256

#: Ce que TLS cache, ce qu'il garantit en plus et ce qu'il laisse voir (RFC 8446,
#: sections 1 et 4.2 ; RFC 6066, section 3).
PROTEGE_PAR_TLS = (
    "l'identifiant et le mot de passe (corps du formulaire)",
    "l'adresse exacte des pages (/cas/login, /cahier-de-textes…)",
    "les tickets de service (ST-…) et les cookies (TGC, session du service)",
    "le contenu des pages (notes, messages, cahier de textes)",
)
GARANTIES_TLS = (
    "l'intégrité : un espion ne peut pas modifier un enregistrement sans que cela se voie",
    "l'authenticité du serveur : son certificat prouve au navigateur qu'il parle au vrai "
    "serveur de l'ENT",
)
SANS_GARANTIE_HTTP = (
    "aucune : un intermédiaire peut modifier les pages, ou se faire passer pour le serveur "
    "de l'ENT, sans que cela se voie",
)
VISIBLE_MALGRE_TLS = (
    "les adresses IP et les ports (qui parle à qui)",
    "le nom du serveur : requête DNS et extension SNI du ClientHello, en clair",
    "l'heure et la taille de chaque enregistrement (on devine qu'une connexion a lieu)",
)


@dataclass(frozen=True)
class Paquet:
    """Un paquet capté sur le Wi-Fi, tel qu'un logiciel de capture l'affiche."""

    numero: int
    instant: datetime
    source: str
    destination: str
    protocole: str           # "DNS", "TCP", "HTTP", "TLS 1.3"
    info: str                # résumé en français (colonne « Info »)
    octets: bytes = field(repr=False)   # ce qui passe réellement sur le réseau
    lisible: bool            # l'espion peut-il lire le contenu ?
    #: Pour un message en clair mais binaire (ClientHello…) : ce qu'un logiciel de capture
    #: en décode.
    decode: str | None = None

    @property
    def taille(self) -> int:
        return len(self.octets)

    def contenu(self, limite: int = 48) -> str:
        """Ce que l'espion lit : le texte s'il est en clair, sinon des octets opaques."""
        if self.decode is not None:
            return self.decode
        if self.lisible:
            return self.octets.decode("utf-8", errors="replace")
        debut = " ".join(f"{o:02x}" for o in self.octets[:limite])
        reste = len(self.octets) - limite
        return debut + (f" … (+{reste} octets illisibles)" if reste > 0 else "")

    def en_ligne(self) -> dict[str, object]:
        return {"N°": self.numero, "Heure": self.instant.strftime("%H:%M:%S.%f")[:-3],
                "Source": self.source, "Destination": self.destination,
                "Protocole": self.protocole, "Taille (octets)": self.taille,
                "Info": self.info}


@dataclass(frozen=True)
class Capture:
    """Tous les paquets captés pendant une connexion, et ce que l'espion en apprend."""

    protocole: str
    identifiant: str
    serveur: str
    paquets: tuple[Paquet, ...]
    appris: tuple[str, ...]        # ce que l'espion a réellement lu
    cache: tuple[str, ...]         # ce qui lui reste caché
    garanties: tuple[str, ...] = ()   # intégrité, authenticité du serveur (TLS)

    def contient(self, texte: str) -> bool:
        """``True`` si ``texte`` (ou sa forme encodée dans un formulaire) passe en clair
        quelque part sur le réseau."""
        verifier_texte(texte, "texte")
        formes = {texte.encode("utf-8"), quote_plus(texte).encode("ascii")}
        return any(forme in p.octets for p in self.paquets for forme in formes)

    def paquets_lisibles(self) -> list[Paquet]:
        return [p for p in self.paquets if p.lisible]

    def tableau(self):
        """Les paquets, comme dans un logiciel de capture (``pandas.DataFrame``)."""
        import pandas as pd

        return pd.DataFrame([p.en_ligne() for p in self.paquets]).set_index("N°")

    def titre(self) -> str:
        return (f"Capture Wi-Fi : connexion de {self.identifiant} en "
                f"{self.protocole.upper()} ({len(self.paquets)} paquets)")

    def _titre_garanties(self) -> str:
        return ("Ce que TLS garantit en plus :" if self.protocole == "https"
                else "Sans TLS, quelles garanties ?")

    def resume(self) -> str:
        """Ce que l'espion apprend, ce qui lui reste caché, et les garanties."""
        lignes = ["Ce que l'espion apprend :", *(f"  • {x}" for x in self.appris),
                  "Ce qui lui reste caché :", *(f"  • {x}" for x in self.cache)]
        if self.garanties:
            lignes += [self._titre_garanties(), *(f"  • {x}" for x in self.garanties)]
        return "\n".join(lignes)

    def texte(self, *, details: bool = True) -> str:
        """Le résumé, puis les paquets (avec leur contenu si ``details``)."""
        lignes = [self.titre(), "", self.resume(), "", "Paquets captés :"]
        for p in self.paquets:
            lignes.append(f"{p.numero:>3}  {p.instant:%H:%M:%S}.{p.instant.microsecond // 1000:03d}"
                          f"  {p.source:>21} → {p.destination:<21} {p.protocole:<8}"
                          f" {p.taille:>5} o  {p.info}")
            if details and p.protocole in ("HTTP", "TLS 1.3"):
                for ligne in p.contenu().splitlines():
                    lignes.append(f"        │ {ligne}")
        return "\n".join(lignes)

    def __str__(self) -> str:
        return self.texte()

    def _repr_html_(self) -> str:
        e = html.escape
        cellule = 'style="border:1px solid #888;padding:0.2em 0.5em;text-align:left;' \
                  'vertical-align:top"'
        entetes = ("N°", "Heure", "Source", "Destination", "Protocole", "Taille", "Info",
                   "Contenu vu par l'espion")
        lignes = []
        for p in self.paquets:
            contenu = p.contenu() if p.protocole in ("HTTP", "TLS 1.3") else ""
            valeurs = (p.numero, p.en_ligne()["Heure"], p.source, p.destination, p.protocole,
                       f"{p.taille} o", p.info)
            lignes.append("<tr>" + "".join(f"<td {cellule}>{e(str(v))}</td>" for v in valeurs)
                          + f'<td {cellule}><pre style="margin:0;white-space:pre-wrap;'
                            f'font-size:0.85em">{e(contenu)}</pre></td></tr>')
        garanties = ""
        if self.garanties:
            garanties = (f"<p><strong>{e(self._titre_garanties())}</strong></p><ul>"
                         + "".join(f"<li>{e(x)}</li>" for x in self.garanties) + "</ul>")
        return (f"<div><h4>{e(self.titre())}</h4>"
                "<p><strong>Ce que l'espion apprend :</strong></p><ul>"
                + "".join(f"<li>{e(x)}</li>" for x in self.appris) + "</ul>"
                "<p><strong>Ce qui lui reste caché :</strong></p><ul>"
                + "".join(f"<li>{e(x)}</li>" for x in self.cache) + "</ul>" + garanties
                + f"<details><summary>Pour les curieux : les {len(self.paquets)} paquets "
                "captés, avec ce que l'espion y lit (cliquez pour les afficher)</summary>"
                '<div style="overflow-x:auto"><table style="border-collapse:collapse">'
                "<thead><tr>" + "".join(f"<th {cellule}>{e(t)}</th>" for t in entetes)
                + "</tr></thead><tbody>" + "".join(lignes) + "</tbody></table></div>"
                "</details></div>")

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        # en texte : le résumé et une ligne par paquet (print(capture) montre le contenu)
        return {"text/plain": self.texte(details=False), "text/html": self._repr_html_()}


def capturer_connexion(ent, identifiant: str, mot_de_passe: str, *,
                       protocole: str = "https", service: str = "cahier_de_textes",
                       poste: str = POSTE_WIFI) -> Capture:
    """Connecte ``identifiant`` au ``service`` depuis un portable du CDI et rend ce qu'un
    espion capte sur le Wi-Fi, en ``"http"`` (sans chiffrement) ou en ``"https"`` (TLS 1.3).

    La connexion est réelle (serveur CAS simulé, nouveau navigateur) ; en HTTP, on imagine
    le même ENT servi sans TLS : c'est ce que TLS évite.
    """
    exiger_ent(ent, 'capturer_connexion(ent, "lea.martin", "…", protocole="https")')
    verifier_texte(identifiant, "identifiant")
    verifier_texte(mot_de_passe, "mot de passe", vide_autorise=True)
    if len(identifiant) > LONGUEUR_MAX_IDENTIFIANT:
        raise ValeurInvalide(f"Identifiant trop long : {LONGUEUR_MAX_IDENTIFIANT} caractères "
                             f"au plus (reçu : {len(identifiant)}).")
    if len(mot_de_passe) > LONGUEUR_MAX_MOT_DE_PASSE:
        raise ValeurInvalide(f"Mot de passe trop long : {LONGUEUR_MAX_MOT_DE_PASSE} caractères "
                             f"au plus (reçu : {len(mot_de_passe)}).")
    sans_demi_codet(identifiant, "identifiant")
    sans_demi_codet(mot_de_passe, "mot de passe")
    verifier_texte(protocole, "protocole")
    if protocole.strip().lower() not in PROTOCOLES:
        raise ValeurInvalide(f"Protocole inconnu : {cite(protocole)}. Choisissez « http » (sans "
                             "chiffrement) ou « https » (chiffré par TLS).",
                             code="protocole_inconnu")
    protocole = protocole.strip().lower()
    code = ent.catalogue.service(service).code
    navigateur = Navigateur(verifier_texte(poste, "poste"))
    resultat = ent.cas.service(code).ouvrir(navigateur, identifiant=identifiant,
                                            mot_de_passe=mot_de_passe)
    echanges = [e for e in resultat.echanges if e.canal == CANAL_NAVIGATEUR]
    if not echanges:
        raise ValeurInvalide("La connexion n'a produit aucun échange à capturer.")
    hote = urlsplit(echanges[0].url).hostname or "ent.example"
    chiffre = protocole == "https"
    source = ent.aleatoire.derivee(f"capture:{protocole}:{identifiant}")
    port_client = 49152 + int.from_bytes(source.octets(2), "big") % 16384
    port_serveur = 443 if chiffre else 80
    poste_ip = f"{IP_POSTE}:{port_client}"
    serveur_ip = f"{IP_SERVEUR}:{port_serveur}"
    debut = echanges[0].instant
    paquets: list[Paquet] = []
    ms = 0

    def ajouter(de: str, vers: str, proto: str, info: str, octets: bytes, lisible: bool,
                delai: int = 4, decode: str | None = None) -> None:
        nonlocal ms
        ms += delai
        paquets.append(Paquet(len(paquets) + 1, debut + timedelta(milliseconds=ms), de, vers,
                              proto, info, octets, lisible, decode))

    dns_id = int.from_bytes(source.octets(2), "big")
    poste_dns = f"{IP_POSTE}:{49152 + dns_id % 16384}"
    ajouter(poste_dns, f"{IP_RESOLVEUR}:53", "DNS",
            f"Requête DNS : adresse de {hote} ?", requete_dns(hote, dns_id), True)
    ajouter(f"{IP_RESOLVEUR}:53", poste_dns, "DNS",
            f"Réponse DNS : {hote} = {IP_SERVEUR}", requete_dns(hote, dns_id)
            + bytes(int(x) for x in IP_SERVEUR.split(".")), True, 9)
    ajouter(poste_ip, serveur_ip, "TCP", f"Ouverture de connexion vers le port {port_serveur} "
            "(SYN, SYN-ACK, ACK : 3 paquets sans données)", b"", True, 11)
    client = serveur = None
    if chiffre:
        hello = client_hello(hote, source.octets(32))
        ajouter(poste_ip, serveur_ip, "TLS 1.3", f"ClientHello : nom du serveur (SNI) = {hote}",
                hello, True, decode=f"En clair : server_name (SNI) = {hote} ; versions "
                "proposées : TLS 1.3 ; suite proposée : TLS_AES_128_GCM_SHA256")
        ajouter(serveur_ip, poste_ip, "TLS 1.3", "ServerHello : TLS 1.3, "
                "TLS_AES_128_GCM_SHA256 ; la suite est chiffrée",
                server_hello(source.octets(32)), True, 14,
                decode="En clair : version choisie TLS 1.3 ; suite TLS_AES_128_GCM_SHA256 "
                       "(tout ce qui suit est chiffré)")
        client = CanalTLS(source.octets(16), source.octets(12))
        serveur = CanalTLS(source.octets(16), source.octets(12))
        certificat = ent.autorite.certificat_racine.octets()
        ajouter(serveur_ip, poste_ip, "TLS 1.3", "Données chiffrées (certificat du serveur, "
                "fin de la poignée de main)", serveur.chiffrer(certificat, TYPE_POIGNEE),
                False, 3)
    for e in echanges:
        corps = None
        if e.corps and e.corps.startswith("username="):
            # Ce que le navigateur envoie vraiment : le mot de passe tapé (champs du
            # formulaire d'Apereo CAS : username, password, execution, _eventId).
            corps = (f"username={quote_plus(identifiant)}&password={quote_plus(mot_de_passe)}"
                     "&execution=e1s1&_eventId=submit")
        requete = requete_http(e, hote, corps)
        reponse = reponse_http(e, chiffre)
        if not chiffre:  # le même ENT, imaginé sans TLS : adresses en http://
            requete, reponse = (x.replace(b"https://", b"http://")
                                .replace(b"https%3A%2F%2F", b"http%3A%2F%2F")
                                for x in (requete, reponse))
        chemin = urlsplit(e.url).path
        if client is not None and serveur is not None:
            for morceau in fragments(requete):
                ajouter(poste_ip, serveur_ip, "TLS 1.3", "Données applicatives chiffrées",
                        client.chiffrer(morceau), False, 25)
            for morceau in fragments(reponse):
                ajouter(serveur_ip, poste_ip, "TLS 1.3", "Données applicatives chiffrées",
                        serveur.chiffrer(morceau), False, 38)
        else:
            ajouter(poste_ip, serveur_ip, "HTTP", f"{e.methode} {chemin}"
                    + (" (formulaire : identifiant et mot de passe)" if corps else ""),
                    requete, True, 25)
            ajouter(serveur_ip, poste_ip, "HTTP", f"{e.statut} {RAISONS.get(e.statut, '')}"
                    .rstrip() + (f" → {urlsplit(e.location).path}" if e.location else ""),
                    reponse, True, 38)
    tgc = next((c.split("=", 1)[1] for e in echanges for c in e.cookies_poses
                if c.startswith(f"{NOM_COOKIE_TGC}=")), None)
    ticket = resultat.ticket
    if chiffre:
        tailles = [p.taille for p in paquets if not p.lisible]
        appris = (f"le nom du serveur, {hote} (requête DNS et SNI), et son adresse "
                  f"{IP_SERVEUR}, port 443",
                  f"{len(tailles)} enregistrements chiffrés (le certificat du serveur, puis "
                  f"les requêtes et les réponses de {len(echanges)} échanges), de "
                  f"{min(tailles)} à {max(tailles)} octets",
                  f"l'heure de chaque paquet, à partir de {debut:%H:%M:%S}")
        cache = PROTEGE_PAR_TLS
        garanties = GARANTIES_TLS
    else:
        appris = (f"l'identifiant : {identifiant}",
                  f"le mot de passe, en clair : {mot_de_passe}",
                  *((f"le cookie de session SSO : {NOM_COOKIE_TGC}={tgc} (il suffit pour "
                     "entrer dans l'ENT à la place de l'élève)",) if tgc else ()),
                  *((f"le ticket de service : {ticket}",) if ticket else ()),
                  "les adresses des pages visitées et leur contenu")
        cache = ("rien : sans TLS, tout circule en clair",)
        garanties = SANS_GARANTIE_HTTP
    return Capture(protocole, identifiant, hote, tuple(paquets), tuple(appris), tuple(cache),
                   garanties)


__all__ = ["Capture", "GARANTIES_TLS", "IP_POSTE", "IP_SERVEUR", "LONGUEUR_MAX_IDENTIFIANT",
           "POSTE_WIFI", "PROTEGE_PAR_TLS", "PROTOCOLES", "Paquet", "SANS_GARANTIE_HTTP",
           "VISIBLE_MALGRE_TLS", "capturer_connexion"]
