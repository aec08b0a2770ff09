#!/usr/bin/env python3
"""Writes a 360Giving JSON package of N grants built from the real A B Charitable Trust file:
each grant copied with a new id, one of 5,000 recipient charities, and the real file's shapes
(date-times, numbers; every tenth amount as text and every tenth date as DD/MM/YYYY, the quirks
the importer accepts). Usage: generate-grants.py N TEMPLATE.json > grants.json"""
import json
import sys

count = int(sys.argv[1])
template = json.load(open(sys.argv[2]))["grants"]
out = sys.stdout
out.write('{"grants": [\n')
for i in range(count):
    g = dict(template[i % len(template)])
    g["id"] = f"360G-BENCH-{i:08d}"
    recipient = dict(g["recipientOrganization"][0])
    recipient["id"] = f"GB-CHC-{1100000 + (i % 5000)}"
    recipient["name"] = f"Bench charity {i % 5000}"
    g["recipientOrganization"] = [recipient]
    if i % 10 == 3:
        g["amountAwarded"] = f"{g['amountAwarded']:,}"
    if i % 10 == 7:
        y, m, d = g["awardDate"][:10].split("-")
        g["awardDate"] = f"{d}/{m}/{y}"
    out.write(("," if i else "") + json.dumps(g) + "\n")
out.write("]}\n")
