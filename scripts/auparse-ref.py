#!/usr/bin/python3
"""Reference answers from the real libauparse, for audit-netlink's differential tests.

Reads audit.log text (a file path, or '-' for stdin) and prints one JSON object per record:

  {"sec": S, "msec": MS, "serial": N, "node": NODE|null, "type": T, "type_name": NAME|null,
   "fields": [[name, raw, interpreted, auparse_field_type], ...]}

Run with Debian's /usr/bin/python3 (python3-audit lives in /usr/lib/python3/dist-packages).
Interpretation of uid/gid fields reads the local passwd/group files, so those values are
machine-dependent; the tests compare them only for the special values (unset, root-less ids).
The escape mode is AUPARSE_ESC_RAW so interpreted strings come back unescaped.

With --enriched, it instead writes what auditd's ENRICHED log format appends to each line
(auditd 3.0.9 src/auditd-event.c format_enrich, redone here on the real libauparse and libaudit):
each line alone is parsed from a buffer, and every field auparse types as a uid or gid is added
as audit_encode_nv_string(NAME, interpretation), every syscall, arch or sockaddr field as
NAME=interpretation, after one 0x1D. It prints one JSON object per input line:

  {"line": LINE, "enriched": SUFFIX|null, "ids": [[kind, id, name], ...]}

"ids" lists the user and group names the host gave for the line's uid/gid fields, so that a test
elsewhere can resolve the same names.
"""
import json
import sys

import auparse


def safe(call):
    # The binding raises where the C function returns NULL (e.g. non-UTF-8 bytes): keep None.
    try:
        return call()
    except (RuntimeError, LookupError, UnicodeDecodeError):
        return None


def dump(parser, out):
    while parser.parse_next_event():
        ts = parser.get_timestamp()
        for index in range(parser.get_num_records()):
            parser.goto_record_num(index)
            record = {
                "sec": ts.sec, "msec": ts.milli, "serial": ts.serial, "node": ts.host,
                "type": parser.get_type(), "type_name": safe(parser.get_type_name), "fields": [],
            }
            if parser.first_field():
                while True:
                    record["fields"].append([
                        safe(parser.get_field_name), safe(parser.get_field_str),
                        safe(parser.interpret_field), parser.get_field_type(),
                    ])
                    if not parser.next_field():
                        break
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def enriched_suffix(line):
    """auditd's format_enrich for one log line (without its size limits)."""
    import audit
    parser = auparse.AuParser(auparse.AUSOURCE_BUFFER, line + "\n")
    parser.set_escape_mode(auparse.AUPARSE_ESC_RAW)
    parts, ids = [], []
    if not parser.first_record():
        return None, ids
    while True:
        ftype = parser.get_field_type()
        if ftype in (auparse.AUPARSE_TYPE_UID, auparse.AUPARSE_TYPE_GID, auparse.AUPARSE_TYPE_SYSCALL,
                     auparse.AUPARSE_TYPE_ARCH, auparse.AUPARSE_TYPE_SOCKADDR):
            name = parser.get_field_name()[:63].upper()
            value = safe(parser.interpret_field)
            if value is None:
                value = "?"
            if ftype in (auparse.AUPARSE_TYPE_UID, auparse.AUPARSE_TYPE_GID):
                parts.append(audit.audit_encode_nv_string(name, value, len(value.encode("utf-8", "surrogateescape"))))
                ids.append(["uid" if ftype == auparse.AUPARSE_TYPE_UID else "gid", parser.get_field_str(), value])
            else:
                parts.append("%s=%s" % (name, value))
        if not parser.next_field():
            break
    return ("\x1d" + " ".join(parts) if parts else None), ids


def dump_enriched(text, out):
    for line in text.split("\n"):
        if line == "":
            continue
        raw = line.split("\x1d", 1)[0]
        suffix, ids = enriched_suffix(raw)
        out.write(json.dumps({"line": raw, "enriched": suffix, "ids": ids}, ensure_ascii=False) + "\n")


def main(argv):
    if len(argv) > 1 and argv[1] == "--enriched":
        source = argv[2] if len(argv) > 2 else "-"
        data = sys.stdin.buffer.read() if source == "-" else open(source, "rb").read()
        dump_enriched(data.decode("utf-8", "surrogateescape"), sys.stdout)
        return
    source = argv[1] if len(argv) > 1 else "-"
    if source == "-":
        parser = auparse.AuParser(auparse.AUSOURCE_BUFFER, sys.stdin.buffer.read().decode("utf-8", "surrogateescape"))
    else:
        parser = auparse.AuParser(auparse.AUSOURCE_FILE, source)
    parser.set_escape_mode(auparse.AUPARSE_ESC_RAW)
    dump(parser, sys.stdout)


if __name__ == "__main__":
    main(sys.argv)
