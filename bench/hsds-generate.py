#!/usr/bin/env python3
"""Writes an HSDS 3.0 JSON list of N services (argument), 20 per organization, each at one location
with a weekly schedule, to standard output. Ids are derived from the index, so runs are repeatable."""
import json
import sys
import uuid

count = int(sys.argv[1]) if len(sys.argv) > 1 else 50000


def uid(kind, i):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"commonweal-bench/{kind}/{i}"))


out = sys.stdout
out.write("[\n")
for i in range(count):
    org = i // 20
    service = {
        "id": uid("service", i),
        "name": f"Community service {i}",
        "description": "Peer support and advice for people living with long-term conditions.",
        "email": f"service{i}@example.org",
        "url": f"https://example.org/services/{i}",
        "status": "active",
        "minimum_age": 18,
        "organization": {"id": uid("org", org), "name": f"Community organisation {org}", "description": "A local charity."},
        "service_at_locations": [{
            "id": uid("sal", i),
            "location": {
                "id": uid("location", i),
                "location_type": "physical",
                "name": f"Hall {i}",
                "latitude": 51.52 + (i % 100) / 1000,
                "longitude": -0.03 - (i % 100) / 1000,
                "addresses": [{"id": uid("address", i), "address_1": f"{i % 200 + 1} High Street", "city": "London",
                               "postal_code": "E3 2AN", "country": "GB", "address_type": "physical"}],
            },
        }],
        "schedules": [{"id": uid("schedule", i), "freq": "WEEKLY", "byday": "MO,WE", "opens_at": "10:00:00", "closes_at": "16:00:00"}],
        "phones": [{"id": uid("phone", i), "number": "020 7946 0000"}],
    }
    out.write(("" if i == 0 else ",\n") + json.dumps(service))
out.write("\n]\n")
