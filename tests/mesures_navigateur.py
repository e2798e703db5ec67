"""Mesures du mode projection dans la page (issue 15), partagées par les tests dans un vrai
navigateur (tests/test_navigateur_projection.py, tests/test_navigateur_notebooks.py).

Dans le notebook affiché, :func:`verifier_la_projection` mesure et vérifie :

* aucun texte de widget sous 18 px (taille calculée par le navigateur) ;
* aucune étiquette de schéma sous 18 px à l'écran (taille de police du SVG × échelle
  d'affichage de l'image), étiquettes transparentes exceptées ;
* aucun élément plus large que sa boîte sans barre de défilement (``scrollWidth`` ≤
  ``clientWidth``, ou un ancêtre qui défile : ``overflow-x`` ``auto``/``scroll``), aucune
  sortie de cellule plus large que la page ;
* aucun mot coupé entre deux lettres dans un tableau, un ``<code>`` ou un ``<pre>``
  (« Évalu/ation », ``lea./martin``, ``08:00/:00``), aucune colonne écrasée à un mot par
  ligne (« Poste / du / CDI »).
"""

from __future__ import annotations

#: Taille minimale du texte en mode projection (px, issue 15).
TAILLE_MINIMALE = 18.0

#: Mesures dans la page : textes trop petits, débordements, mots coupés, schémas.
MESURER = r"""(minimum) => {
  const racine = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const visible = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const petits = [], debordes = [], coupes = [], schemas = [], unMotParLigne = [];
  for (const w of racine.querySelectorAll('.jp-OutputArea-output .jupyter-widgets')) {
    for (const e of [w, ...w.querySelectorAll('*')]) {
      if (!visible(e) || ['STYLE', 'SCRIPT'].includes(e.tagName)) continue;
      const aTexte = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())
                     || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(e.tagName);
      const taille = parseFloat(getComputedStyle(e).fontSize);
      if (aTexte && taille < minimum)
        petits.push(`${e.tagName}.${e.className} ${taille}px « ${e.textContent.trim().slice(0, 40)} »`);
    }
  }
  // Plus large que sa boîte : ce qui dépasse doit pouvoir défiler (premier ancêtre dont
  // overflow-x n'est pas « visible » : auto ou scroll) ; sinon c'est coupé ou ça déborde
  // de la sortie de la cellule.
  const defile = e => {
    for (let a = e; a && !a.classList.contains('jp-OutputArea'); a = a.parentElement) {
      const ox = getComputedStyle(a).overflowX;
      if (ox !== 'visible') return ['auto', 'scroll'].includes(ox);
    }
    return false;
  };
  for (const sortie of racine.querySelectorAll('.jp-OutputArea-output')) {
    const r = sortie.getBoundingClientRect(), colonne = sortie.parentElement.getBoundingClientRect();
    if (r.right > colonne.right + 1)
      debordes.push(`sortie de cellule plus large que la page : ${r.right} > ${colonne.right}`);
  }
  for (const e of racine.querySelectorAll('.jp-OutputArea-output, .jp-OutputArea-output *')) {
    if (!visible(e) || e.clientWidth === 0) continue;
    if (e.scrollWidth > e.clientWidth + 1 && !defile(e))
      debordes.push(`${e.tagName}.${e.className} ${e.scrollWidth} > ${e.clientWidth} « ${e.textContent.trim().slice(0, 50)} »`);
  }
  // Mot coupé : un retour à la ligne entre deux lettres, chiffres, « . », « : », « _ » ou
  // « @ » (« Évalu/ation », « lea./martin », « 08:00/:00 ») ; après « - », « / », « ? »,
  // « & » ou « = » (adresses, mots composés), c'est une coupure permise.
  const lettre = /[\p{L}\p{N}.:_@]/u;
  for (const cellule of racine.querySelectorAll('.jp-OutputArea-output td, .jp-OutputArea-output th, .jp-OutputArea-output code, .jp-OutputArea-output pre')) {
    if (!visible(cellule)) continue;
    const marcheur = document.createTreeWalker(cellule, NodeFilter.SHOW_TEXT);
    for (let n = marcheur.nextNode(); n; n = marcheur.nextNode()) {
      const t = n.textContent; let avant = null;
      for (let i = 0; i < t.length; i++) {
        if (/\s/.test(t[i])) { avant = null; continue; }
        const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
        const b = r.getBoundingClientRect();
        if (avant && b.top > avant.top + avant.height / 2 && lettre.test(t[i - 1]) && lettre.test(t[i]))
          coupes.push(t.slice(Math.max(0, i - 12), i) + '|' + t.slice(i, i + 12));
        avant = b;
      }
    }
    // Un mot par ligne (« Poste / du / CDI ») : une colonne écrasée (moins de 6,5 em de
    // large) dont une case de trois mots ou plus tient sur autant de lignes que de mots (un
    // mot composé compte pour ses parties : « Histoire- / géographie / et EMC » n'est pas
    // un mot par ligne). Une colonne plus large peut garder trois longs mots sur trois
    // lignes (« Médiacentre / (ressources / numériques) ») : c'est un retour à la ligne.
    const mots = cellule.textContent.trim().split(/[\s\-]+/).filter(Boolean);
    if (!['CODE', 'PRE'].includes(cellule.tagName) && !cellule.querySelector('pre') && mots.length >= 3) {
      const r = document.createRange(); r.selectNodeContents(cellule);
      const lignes = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
      const style = getComputedStyle(cellule);
      const largeur = cellule.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (lignes.size >= mots.length && largeur < 6.5 * parseFloat(style.fontSize))
        unMotParLigne.push(`${mots.join(' ').slice(0, 60)} (${Math.round(largeur)} px)`);
    }
  }
  for (const img of racine.querySelectorAll('.jp-OutputArea-output img[src^="data:image/svg+xml"]')) {
    if (!visible(img) || img.clientWidth === 0) continue;
    const b64 = img.src.split(',')[1];
    const svg = new DOMParser().parseFromString(decodeURIComponent(escape(atob(b64))), 'image/svg+xml');
    const vb = svg.documentElement.getAttribute('viewBox').split(/[ ,]+/).map(Number);
    const tailles = [...svg.querySelectorAll('text')]
      .filter(t => !['transparent', 'none', '#fffffe'].includes((t.getAttribute('fill') || '').toLowerCase()))
      .map(t => parseFloat(t.getAttribute('font-size'))).filter(x => x > 0);
    if (!tailles.length) continue;
    const echelle = img.clientWidth / vb[2];
    schemas.push({alt: img.alt.slice(0, 60), affichee: Math.min(...tailles) * echelle});
  }
  return {petits, debordes, coupes: [...new Set(coupes)], schemas, unMotParLigne};
}"""


def verifier_la_projection(page, contexte: str) -> dict:
    """Mesure le notebook affiché (:data:`MESURER`) et vérifie chaque règle ; rend les
    mesures (les schémas mesurés, pour les afficher)."""
    mesures = page.evaluate(MESURER, TAILLE_MINIMALE)
    print(f"{contexte} : schémas (plus petite étiquette affichée, px) :",
          [(s["alt"], round(s["affichee"], 1)) for s in mesures["schemas"]])
    assert not mesures["petits"], f"{contexte} : texte sous 18 px : {mesures['petits'][:15]}"
    assert not mesures["debordes"], (
        f"{contexte} : plus large que sa boîte : {mesures['debordes'][:15]}")
    assert not mesures["coupes"], f"{contexte} : mots coupés : {mesures['coupes'][:15]}"
    assert not mesures["unMotParLigne"], (
        f"{contexte} : colonnes à un mot par ligne : {mesures['unMotParLigne'][:15]}")
    trop_petits = [s for s in mesures["schemas"] if s["affichee"] < TAILLE_MINIMALE]
    assert not trop_petits, f"{contexte} : étiquettes de schéma sous 18 px : {trop_petits}"
    return mesures
