#!/usr/bin/python3
"""Event grouping oracle: read an audit.log with the real libauparse (python3-audit) and print
one JSON object per event: {"sec", "milli", "serial", "records": [record text, ...]}.

Run with Debian's /usr/bin/python3 (python3-audit lives in /usr/lib/python3/dist-packages):
    /usr/bin/python3 scripts/auparse-events.py FILE > FILE.auparse-events.jsonl
The answers are committed as fixtures so the tests do not need libauparse.
"""
import json
import sys

import auparse


def main(path):
    au = auparse.AuParser(auparse.AUSOURCE_FILE, path)
    while au.parse_next_event():
        ts = au.get_timestamp()
        records = []
        for r in range(au.get_num_records()):
            au.goto_record_num(r)
            records.append(au.get_record_text())
        print(json.dumps({"sec": ts.sec, "milli": ts.milli, "serial": ts.serial, "records": records}))


if __name__ == "__main__":
    main(sys.argv[1])
