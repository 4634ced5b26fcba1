#!/usr/bin/env python3
"""Golden answers for the capture readers, made by tshark (not by this library): for every
packet of a pcap/pcapng file, its epoch time (ns), interface id and raw frame bytes (hex).

    python3 scripts/tshark-golden.py FILE > FILE.tshark.json
"""
import json
import subprocess
import sys
from decimal import Decimal


def main(path):
    out = subprocess.run(["tshark", "-r", path, "-T", "json", "-x"], check=True,
                         capture_output=True, text=True).stdout
    packets = []
    for p in json.loads(out):
        layers = p["_source"]["layers"]
        frame = layers["frame"]
        ns = int(Decimal(frame["frame.time_epoch"]) * 1_000_000_000)
        packets.append({
            "time_ns": str(ns),
            "interface_id": int(frame.get("frame.interface_id", "0")),
            "frame": layers["frame_raw"][0],
        })
    json.dump(packets, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
