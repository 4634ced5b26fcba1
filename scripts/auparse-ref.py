#!/usr/bin/python3
"""Reference answers from the real libauparse, for audit-netlink's differential tests.

Reads audit.log text (a file path, or '-' for stdin) and prints one JSON object per record:

  {"sec": S, "msec": MS, "serial": N, "node": NODE|null, "type": T, "type_name": NAME|null,
   "fields": [[name, raw, interpreted, auparse_field_type], ...]}

Run with Debian's /usr/bin/python3 (python3-audit lives in /usr/lib/python3/dist-packages).
Interpretation of uid/gid fields reads the local passwd/group files, so those values are
machine-dependent; the tests compare them only for the special values (unset, root-less ids).
The escape mode is AUPARSE_ESC_RAW so interpreted strings come back unescaped.
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


def main(argv):
    source = argv[1] if len(argv) > 1 else "-"
    if source == "-":
        parser = auparse.AuParser(auparse.AUSOURCE_BUFFER, sys.stdin.buffer.read().decode("utf-8", "surrogateescape"))
    else:
        parser = auparse.AuParser(auparse.AUSOURCE_FILE, source)
    parser.set_escape_mode(auparse.AUPARSE_ESC_RAW)
    dump(parser, sys.stdout)


if __name__ == "__main__":
    main(sys.argv)
