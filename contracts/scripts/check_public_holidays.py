#!/usr/bin/env python3
"""Recompute Japan's public holidays from the rules and compare them with the reference data.

Usage: python3 contracts/scripts/check_public_holidays.py [path/to/japanese-public-holidays.v1.csv]

The rules are those of the Act on National Holidays (国民の祝日に関する法律, as amended for 2020 onwards):
fixed days, Happy Monday days, the equinox days the Cabinet Office publishes each February for the next year
(a table here, as they come from the National Astronomical Observatory's almanac, not from a formula), the
Olympic special measures of 2020 and 2021, substitute holidays (振替休日: a holiday on a Sunday moves the day
off to the next day that is not a holiday) and citizens' holidays (国民の休日: a day between two holidays).

Exits 1 and prints every difference when the CSV is not exactly the computed list, in order, without duplicates;
0 when they agree. To cover another year, add its equinox days to EQUINOXES (and any special measure), then the
year's rows to the CSV.
"""
import csv
import datetime as dt
import pathlib
import sys

DEFAULT_CSV = pathlib.Path(__file__).resolve().parent.parent / "reference-data" / "japanese-public-holidays.v1.csv"
HEADER = ["date", "name_ja", "name_en"]

# 春分の日 and 秋分の日 as published (官報 / 国立天文台 暦要項)
EQUINOXES = {
    2020: ("03-20", "09-22"),
    2021: ("03-20", "09-23"),
    2022: ("03-21", "09-23"),
    2023: ("03-21", "09-23"),
    2024: ("03-20", "09-22"),
    2025: ("03-20", "09-23"),
    2026: ("03-20", "09-23"),
    2027: ("03-21", "09-23"),
}

# 平成三十二年東京オリンピック競技大会・東京パラリンピック競技大会特別措置法 (as amended for 2021): the three
# holidays moved next to the opening and closing ceremonies, in those two years only
OLYMPIC_MOVES = {
    2020: {"marine": "07-23", "sports": "07-24", "mountain": "08-10"},
    2021: {"marine": "07-22", "sports": "07-23", "mountain": "08-08"},
}

SUBSTITUTE = ("振替休日", "Substitute Holiday")
CITIZENS = ("国民の休日", "Citizens' Holiday")


def nth_monday(year, month, n):
    first = dt.date(year, month, 1)
    offset = (0 - first.weekday()) % 7  # Monday is 0
    return first + dt.timedelta(days=offset + 7 * (n - 1))


def on(year, month_day):
    month, day = (int(part) for part in month_day.split("-"))
    return dt.date(year, month, day)


def national_holidays(year):
    """国民の祝日 of one year: date -> (name_ja, name_en)."""
    if year not in EQUINOXES:
        raise SystemExit(f"no equinox days for {year}: add the Cabinet Office's dates to EQUINOXES")
    vernal, autumnal = EQUINOXES[year]
    moved = OLYMPIC_MOVES.get(year, {})
    days = {
        dt.date(year, 1, 1): ("元日", "New Year's Day"),
        nth_monday(year, 1, 2): ("成人の日", "Coming of Age Day"),
        dt.date(year, 2, 11): ("建国記念の日", "National Foundation Day"),
        dt.date(year, 2, 23): ("天皇誕生日", "The Emperor's Birthday"),
        on(year, vernal): ("春分の日", "Vernal Equinox Day"),
        dt.date(year, 4, 29): ("昭和の日", "Showa Day"),
        dt.date(year, 5, 3): ("憲法記念日", "Constitution Memorial Day"),
        dt.date(year, 5, 4): ("みどりの日", "Greenery Day"),
        dt.date(year, 5, 5): ("こどもの日", "Children's Day"),
        (on(year, moved["marine"]) if "marine" in moved else nth_monday(year, 7, 3)): ("海の日", "Marine Day"),
        (on(year, moved["mountain"]) if "mountain" in moved else dt.date(year, 8, 11)): ("山の日", "Mountain Day"),
        nth_monday(year, 9, 3): ("敬老の日", "Respect for the Aged Day"),
        on(year, autumnal): ("秋分の日", "Autumnal Equinox Day"),
        (on(year, moved["sports"]) if "sports" in moved else nth_monday(year, 10, 2)): ("スポーツの日", "Sports Day"),
        dt.date(year, 11, 3): ("文化の日", "Culture Day"),
        dt.date(year, 11, 23): ("勤労感謝の日", "Labor Thanksgiving Day"),
    }
    if len(days) != 16:
        raise SystemExit(f"two holidays fell on one date in {year}; the rules here do not expect that")
    return days


def holidays(first_year, last_year):
    national = {}
    # one year either side, so a substitute or citizens' holiday across New Year is computed too
    for year in range(first_year - 1, last_year + 2):
        if year in EQUINOXES:
            national.update(national_holidays(year))
    days = dict(national)
    # 振替休日 (Article 3 (2)): the next day after a Sunday holiday that is not itself a national holiday
    for date in sorted(national):
        if date.weekday() == 6:
            substitute = date + dt.timedelta(days=1)
            while substitute in national:
                substitute += dt.timedelta(days=1)
            days[substitute] = SUBSTITUTE
    # 国民の休日 (Article 3 (3)): a day that is not a national holiday, between two national holidays
    for date in sorted(national):
        between = date + dt.timedelta(days=1)
        if between not in national and between + dt.timedelta(days=1) in national and between not in days:
            days[between] = CITIZENS
    return {date: names for date, names in days.items() if first_year <= date.year <= last_year}


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0] != HEADER:
        raise SystemExit(f"{path}: header must be {','.join(HEADER)}")
    return rows[1:]


def main():
    path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CSV
    rows = read_csv(path)
    problems = []
    dates = []
    for number, row in enumerate(rows, start=2):
        if len(row) != 3:
            problems.append(f"line {number}: expected 3 cells, found {len(row)}")
            continue
        try:
            dates.append(dt.date.fromisoformat(row[0]))
        except ValueError:
            problems.append(f"line {number}: not an ISO date: {row[0]}")
    if dates != sorted(set(dates)):
        problems.append("dates are not strictly increasing (out of order or duplicated)")
    if not dates:
        problems.append("no rows")
        print("\n".join(problems))
        return 1

    first_year, last_year = min(dates).year, max(dates).year
    expected = holidays(first_year, last_year)
    listed = {dt.date.fromisoformat(row[0]): (row[1], row[2]) for row in rows if len(row) == 3}
    for date in sorted(set(expected) | set(listed)):
        if date not in listed:
            problems.append(f"missing {date} {expected[date][0]} ({expected[date][1]})")
        elif date not in expected:
            problems.append(f"not a holiday by the rules: {date} {listed[date][0]}")
        elif listed[date] != expected[date]:
            problems.append(f"{date}: listed as {listed[date]}, the rules say {expected[date]}")

    if problems:
        print(f"{path}: {len(problems)} difference(s) from the rules for {first_year}-{last_year}")
        print("\n".join(problems))
        return 1
    print(f"{path}: {len(rows)} holidays {first_year}-{last_year}, as the rules give them")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--print":
        # the computed list as CSV, e.g. to draft a new year's rows before checking them against the Cabinet Office's
        first, last = int(sys.argv[2]), int(sys.argv[3])
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(HEADER)
        for date, (ja, en) in sorted(holidays(first, last).items()):
            writer.writerow([date.isoformat(), ja, en])
        sys.exit(0)
    sys.exit(main())
