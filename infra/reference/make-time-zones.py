#!/usr/bin/env python3
"""Writes time-zones.tsv, the IANA time zones of each country, from tzdata's zone.tab and iso3166.tab.

Run from this folder: python3 make-time-zones.py [/usr/share/zoneinfo]
zone.tab (not zone1970.tab) because each of its rows names exactly one country: a country's own zones, which is
what the register's guess needs ("a country with one zone"). The other names are the forms a register is likely to
use (UN and official names) where tzdata's short name differs; they are kept here, by hand, not guessed.
"""
import sys
from pathlib import Path

OTHER_NAMES = {
    "BN": ["Brunei Darussalam"],
    "BO": ["Bolivia (Plurinational State of)"],
    "CD": ["Democratic Republic of the Congo", "DR Congo"],
    "CG": ["Republic of the Congo"],
    "CN": ["People's Republic of China"],
    "CV": ["Cabo Verde"],
    "CZ": ["Czechia"],
    "FM": ["Micronesia (Federated States of)"],
    "GB": ["United Kingdom", "United Kingdom of Great Britain and Northern Ireland", "UK", "Great Britain"],
    "IR": ["Iran (Islamic Republic of)"],
    "KN": ["Saint Kitts and Nevis"],
    "KP": ["Democratic People's Republic of Korea", "North Korea"],
    "KR": ["Republic of Korea", "South Korea"],
    "LA": ["Lao People's Democratic Republic"],
    "LC": ["Saint Lucia"],
    "MD": ["Republic of Moldova"],
    "MM": ["Myanmar", "Burma"],
    "NL": ["The Netherlands"],
    "PS": ["State of Palestine"],
    "RU": ["Russian Federation"],
    "SY": ["Syrian Arab Republic"],
    "SZ": ["Eswatini", "Swaziland"],
    "TL": ["Timor-Leste"],
    "TR": ["Türkiye"],
    "TZ": ["United Republic of Tanzania"],
    "US": ["United States of America", "USA"],
    "VA": ["Holy See"],
    "VC": ["Saint Vincent and the Grenadines"],
    "VE": ["Venezuela (Bolivarian Republic of)"],
    "VN": ["Viet Nam"],
}


def rows(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


def main():
    zoneinfo = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/zoneinfo")
    names = {code: name for code, name in rows(zoneinfo / "iso3166.tab")}
    zones = {}
    for fields in rows(zoneinfo / "zone.tab"):
        zones.setdefault(fields[0], []).append(fields[2])
    with open("time-zones.tsv", "w", encoding="utf-8", newline="\n") as out:
        out.write("country\tname\tother_names\tzones\n")
        for code in sorted(names):
            out.write("\t".join([code, names[code], ";".join(OTHER_NAMES.get(code, [])), " ".join(zones.get(code, []))]) + "\n")


if __name__ == "__main__":
    main()
