"""Drive LibreOffice through UNO (run with the system python that has ``uno``).

    python3 lo_review.py resolve IN.docx              -> JSON {"redlines": n, "accept": [...], "reject": [...]}
    python3 lo_review.py markup IN.docx OUT.docx SPEC.json
        SPEC: {"author": "...", "replace": [[old, new], ...], "delete": [text, ...],
               "comment": [{"text": anchor, "author": a, "content": c}, ...]}
        makes a reviewer's copy: the edits recorded as tracked changes, the comments added.

Accept-all and reject-all go through the dispatcher (.uno:AcceptAllTrackedChanges /
.uno:RejectAllTrackedChanges), as the menu items do.  Paragraphs are (style, text) pairs.
"""

import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def start():
    profile = tempfile.mkdtemp(prefix="lo_profile_")
    pipe = f"drafter_review_{os.getpid()}"
    proc = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
                             f"-env:UserInstallation=file://{profile}",
                             f"--accept=pipe,name={pipe};urp;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:  # noqa: BLE001 - UNO's NoConnectException until soffice listens
            time.sleep(0.5)
    else:
        proc.kill()
        raise SystemExit("LibreOffice did not start")
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    return proc, ctx, smgr, desktop


def load(desktop, path):
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
    if doc is None:
        raise SystemExit(f"LibreOffice could not open {path}")
    return doc


def paragraphs(doc):
    result = []
    enum = doc.getText().createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if el.supportsService("com.sun.star.text.Paragraph"):
            result.append([el.ParaStyleName, el.getString()])
    return result


def count_redlines(doc):
    enum = doc.getRedlines().createEnumeration()
    n = 0
    while enum.hasMoreElements():
        enum.nextElement()
        n += 1
    return n


def dispatch(smgr, ctx, doc, command):
    helper = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    helper.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())


def resolve(smgr, ctx, desktop, path):
    out = {}
    for key, command in (("accept", ".uno:AcceptAllTrackedChanges"), ("reject", ".uno:RejectAllTrackedChanges")):
        doc = load(desktop, path)
        out["redlines"] = count_redlines(doc)
        dispatch(smgr, ctx, doc, command)
        out[key] = paragraphs(doc)
        out[key + "_redlines_left"] = count_redlines(doc)
        doc.close(True)
    return out


def set_author(smgr, ctx, name):
    """Revisions and comments carry the user's name from the profile (工具 → 选项 → 用户数据)."""
    provider = smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    access = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess",
                                                  (prop("nodepath", "/org.openoffice.UserProfile/Data"),))
    access.setPropertyValue("givenname", name)
    access.setPropertyValue("sn", "")
    access.commitChanges()


def markup(smgr, ctx, desktop, src, dst, spec):
    set_author(smgr, ctx, spec.get("author", "审稿人"))
    doc = load(desktop, src)
    for c in spec.get("comment", []):
        search = doc.createSearchDescriptor()
        search.SearchString = c["text"]
        found = doc.findFirst(search)
        if found is None:
            raise SystemExit(f"not found: {c['text']}")
        if c.get("to_next_paragraph"):  # a range that runs into the next paragraph
            cursor = found.getText().createTextCursorByRange(found.getStart())
            cursor.gotoEndOfParagraph(True)
            cursor.gotoNextParagraph(True)
            cursor.goRight(int(c["to_next_paragraph"]), True)
            found = cursor
        note = doc.createInstance("com.sun.star.text.textfield.Annotation")
        note.Author = c.get("author", "审稿人")
        note.Content = c["content"]
        found.getText().insertTextContent(found, note, True)
    doc.RecordChanges = True
    for old, new in spec.get("replace", []):
        search = doc.createSearchDescriptor()
        search.SearchString = old
        found = doc.findFirst(search)
        if found is None:
            raise SystemExit(f"not found: {old}")
        found.setString(new)
    for anchor, text in spec.get("insert_after", []):
        search = doc.createSearchDescriptor()
        search.SearchString = anchor
        found = doc.findFirst(search)
        if found is None:
            raise SystemExit(f"not found: {anchor}")
        found.getText().insertString(found.getEnd(), text, False)
    for text in spec.get("delete", []):
        search = doc.createSearchDescriptor()
        search.SearchString = text
        found = doc.findFirst(search)
        if found is None:
            raise SystemExit(f"not found: {text}")
        found.setString("")
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)),
                   (prop("FilterName", "MS Word 2007 XML"),))
    doc.close(True)
    return {"written": dst}


def main():
    mode = sys.argv[1]
    proc, ctx, smgr, desktop = start()
    try:
        if mode == "resolve":
            result = resolve(smgr, ctx, desktop, sys.argv[2])
        else:
            with open(sys.argv[4], encoding="utf-8") as handle:
                result = markup(smgr, ctx, desktop, sys.argv[2], sys.argv[3], json.load(handle))
        print(json.dumps(result, ensure_ascii=False))
    finally:
        try:
            desktop.terminate()
        except Exception:  # noqa: BLE001, S110 - the bridge drops as soffice exits
            pass
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()
