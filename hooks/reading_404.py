"""The 404 page works wherever the site is mounted (`/`, `/briefs/`, `/some/prefix/`).

A host serves 404.html in place of any missing address, at any depth, so the page cannot use
addresses relative to itself, and absolute ones (`/briefs/assets/…`) hold only where the
build thought the site would be. Its addresses are therefore made relative to the site root,
and a small script at the top of <head> (before the first stylesheet) sets `<base href>` to
the root: the build's own base path when the address lies under it; else, from the path up
to the first segment that is a top-level name of the site (`briefs`, `en`, `assets`, …),
the deepest folder that has the site's 404.html (asked for synchronously, once per folder:
a 404 page only), else that path. Without JavaScript the relative addresses hold for a missing
address at the root of the site.

Plain Python, imported by hooks/reading.py.
"""

from __future__ import annotations

import json
import re

_SCRIPT = (
    "<script>(function(){{var known={known},tops={tops},path=location.pathname,root;"
    "if(known!==\"/\"&&path.indexOf(known)===0){{root=known}}else{{"
    "var parts=path.split(\"/\");parts.pop();var kept=[];"
    "for(var i=0;i<parts.length;i++){{if(i>0&&tops.indexOf(parts[i])>=0)break;kept.push(parts[i])}}"
    "root=kept.join(\"/\")+\"/\";var guess=root,found=false;"
    "while(kept.length>0&&!found){{var c=kept.join(\"/\")+\"/\",x=new XMLHttpRequest();"
    "try{{x.open(\"HEAD\",c+\"404.html\",false);x.send();"
    "if(x.status===200){{root=c;found=true}}}}catch(e){{}}kept.pop()}}"
    "if(!found)root=guess}}"
    "var base=document.createElement(\"base\");base.href=root;document.head.prepend(base)}})()"
    "</script>"
)


def portable(html: str, base_path: str, tops: list[str]) -> str:
    """`html` (a 404 page) with root-relative addresses and the script that finds the root."""
    base = base_path if base_path.endswith("/") else base_path + "/"
    attrs = r'((?:href|src|data-bundle)=")'
    html = re.sub(attrs + re.escape(base) + r'\.?(?=")', r"\1./", html)
    html = re.sub(attrs + re.escape(base) + r"(?!/)", r"\1", html)
    script = _SCRIPT.format(known=json.dumps(base), tops=json.dumps(sorted(set(tops))))
    return html.replace("<head>", "<head>\n" + script, 1)
