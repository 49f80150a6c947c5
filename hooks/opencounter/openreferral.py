"""The catalogue as Open Referral UK 3.0 (HSDS-UK 3.0): the API's files, and HSDS tables as CSV.

Directories, social prescribing tools and the LGA's service finder read Open Referral. A static
site cannot answer queries, so the three required API paths are written as files:

    openreferral/index.json              the `/` answer: version, profile, openapi_url
    openreferral/services.json           `/services`: every service on one page
    openreferral/services/<id>.json      `/services/{id}`: one service, fully nested

Ids are UUIDs derived from the council's website and the catalogue's own ids, so the same
service keeps the same id in every build and consumers can link to it. Opening hours are
structured schedules (freq WEEKLY, byday, opens_at, closes_at); closures are dated schedules.
The UK profile's service has no phone numbers, so HSDS `phones` are added as an extra property.

The same records, flattened, make the HSDS tabular data package: `datapackage.json` and one CSV
per table, for spreadsheets and open-data portals.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import uuid
from dataclasses import dataclass
from typing import Any, Iterable

from . import urls
from .hours import ALL_DAY, BY_APPOINTMENT, OPEN, DayHours, OpeningHours
from .models import Catalogue, Channel, Office, Service
from .present import presenter
from .text import markdown_as_text as plain_text

VERSION = "HSDS-UK-3.0"
PROFILE = "https://openreferraluk.org/specifications/3.0/"
OPENAPI_URL = "https://openreferraluk.org/specifications/3.0/openapi.json"
FOLDER = "openreferral"
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_COUNTRY_PART = {"england": "England", "wales": "Wales", "scotland": "Scotland",
                 "northern-ireland": "Northern Ireland"}


@dataclass
class Ids:
    """Stable UUIDs: the same council website and catalogue id always give the same UUID."""

    website: str

    @functools.cached_property
    def namespace(self) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, self.website.rstrip("/") + "/")

    def of(self, *parts: str) -> str:
        return str(uuid.uuid5(self.namespace, "/".join(parts)))


class OpenReferral:
    """Builds the Open Referral records for one catalogue (no files are written here)."""

    def __init__(self, catalogue: Catalogue, site_url: str):
        self.say = presenter(catalogue.language)
        self.catalogue = catalogue
        self.site_url = site_url.rstrip("/") + "/"
        self.ids = Ids(catalogue.council.website)
        # Each service's records, made once for the list, the service file and the tables.
        self._cores: dict[str, dict[str, Any]] = {}
        self._records: dict[str, dict[str, Any]] = {}

    # ------------------------------------------------------------ the API's answers

    def api_details(self) -> dict[str, str]:
        return {"version": VERSION, "profile": PROFILE, "openapi_url": OPENAPI_URL}

    def service_list(self) -> dict[str, Any]:
        """`/services` as one page with every service (one-to-one fields only, as the API's list has)."""
        contents = [dict(self._service_core(s)) for s in self.catalogue.services]
        return {"total_items": len(contents), "total_pages": 1, "page_number": 1, "size": len(contents),
                "first_page": True, "last_page": True, "empty": not contents, "contents": contents}

    def service(self, service: Service) -> dict[str, Any]:
        """`/services/{id}`: the service with its organisation, locations, schedules, contacts and phones."""
        if service.id not in self._records:
            self._records[service.id] = self._service_record(service)
        return self._records[service.id]

    def _service_record(self, service: Service) -> dict[str, Any]:
        record = dict(self._service_core(service))
        record["organization"] = self.organization()
        locations = [self._service_at_location(service, office) for office in service.offices]
        if locations:
            record["service_at_locations"] = locations
        schedules = self._service_schedules(service)
        if schedules:
            record["schedules"] = schedules
        contacts = [self._contact(service, channel, index) for index, channel in enumerate(service.contact)]
        if contacts:
            record["contacts"] = contacts
        phones = [self._phone(service, channel, index) for index, channel in enumerate(service.contact)
                  if channel.number]
        if phones:
            record["phones"] = phones  # HSDS's phone shape; an extra property in the UK profile
        return record

    def files(self) -> dict[str, bytes]:
        """Every file, by its path in the site."""
        out = {f"{FOLDER}/index.json": _json(self.api_details()),
               f"{FOLDER}/services.json": _json(self.service_list())}
        for service in self.catalogue.services:
            out[f"{FOLDER}/services/{self.service_id(service)}.json"] = _json(self.service(service))
        out.update({f"{FOLDER}/{name}": data for name, data in self.tables().items()})
        return out

    # ------------------------------------------------------------ records

    def service_id(self, service: Service) -> str:
        return self.ids.of("service", service.id)

    def organization(self) -> dict[str, Any]:
        council = self.catalogue.council
        record = {"id": self.ids.of("organization"), "name": council.name,
                  "description": council.tagline or f"{council.name} is a local council.",
                  "website": council.website, "uri": self.site_url}
        email = next((c.email for c in self.catalogue.channels if c.email), "")
        if email:
            record["email"] = email
        return record

    def _service_core(self, service: Service) -> dict[str, Any]:
        if service.id not in self._cores:
            self._cores[service.id] = self._make_core(service)
        return self._cores[service.id]

    def _make_core(self, service: Service) -> dict[str, Any]:
        description = service.summary
        if service.description:
            description += "\n\n" + plain_text(service.description)
        record = {"id": self.service_id(service), "organization_id": self.ids.of("organization"),
                  "name": service.name, "description": description,
                  "url": urls.absolute(self.site_url, urls.url_of(urls.service(service.id))),
                  "status": "temporarily closed" if service.status == "temporarily-closed" else "active"}
        email = next((c.email for c in service.contact if c.email), "")
        if email:
            record["email"] = email
        if service.reviewed:
            record["assured_date"] = service.reviewed.isoformat()
        return record

    def _location(self, office: Office) -> dict[str, Any]:
        location_id = self.ids.of("location", office.id)
        record: dict[str, Any] = {
            "id": location_id, "location_type": "physical", "name": office.name,
            "addresses": [self._address(office, location_id)]}
        if office.directions:
            record["description"] = plain_text(office.directions)
        if office.latitude is not None:
            record["latitude"], record["longitude"] = office.latitude, office.longitude
        if office.facilities:
            record["accessibility"] = [
                {"id": self.ids.of("accessibility", office.id, str(i)), "location_id": location_id,
                 "description": facility} for i, facility in enumerate(office.facilities)]
        return record

    def _address(self, office: Office, location_id: str) -> dict[str, Any]:
        lines = list(office.address)
        city = lines[-1] if len(lines) > 1 else lines[0]
        street = lines[:-1] if len(lines) > 1 else lines
        return {"id": self.ids.of("address", office.id), "location_id": location_id,
                "address_1": ", ".join(street), "city": city,
                "state_province": _COUNTRY_PART[self.catalogue.council.nation],
                "postal_code": office.postcode, "country": "GB", "address_type": "physical"}

    def _service_at_location(self, service: Service, office: Office) -> dict[str, Any]:
        return {"id": self._service_at_location_id(service, office), "service_id": self.service_id(service),
                "location_id": self.ids.of("location", office.id), "location": self._location(office)}

    def _service_at_location_id(self, service: Service, office: Office) -> str:
        return self.ids.of("service", service.id, "location", office.id)

    def _service_schedules(self, service: Service) -> list[dict[str, Any]]:
        """Weekly hours and dated closures of each office where the service is given, and phone lines' hours."""
        found = []
        for office in service.offices:
            owner = {"service_id": self.service_id(service),
                     "service_at_location_id": self._service_at_location_id(service, office)}
            key = ("service", service.id, "location", office.id)
            if office.is_closed:
                found.append({"id": self.ids.of(*key, "closed"), **owner,
                              "description": f"{office.name} is closed."})
                continue
            if office.opening_hours:
                found += self.weekly(office.opening_hours, key, owner, attending=f"In person at {office.name}")
            for index, closure in enumerate(self.catalogue.upcoming_closures(office)):
                found.append({"id": self.ids.of(*key, "closure", str(index)), **owner,
                              "valid_from": closure.start.isoformat(), "valid_to": closure.end.isoformat(),
                              "dtstart": closure.start.isoformat(),
                              "description": f"Closed: {closure.reason}" if closure.reason else "Closed"})
        for index, channel in enumerate(service.contact):
            if channel.number and channel.opening_hours and not channel.needs_internet:
                found += self.weekly(channel.opening_hours, ("service", service.id, "channel", str(index)),
                                     {"service_id": self.service_id(service)},
                                     attending=f"{self.say.number_label(channel)} {self.say.phone(channel.number)} ({channel.name})")
        return found

    def weekly(self, hours: OpeningHours, key: tuple[str, ...], owner: dict[str, str],
               attending: str) -> list[dict[str, Any]]:
        """One WEEKLY schedule per set of days that share a range of hours."""
        groups: dict[tuple, list[int]] = {}
        for day, day_hours in enumerate(hours.days):
            for window in _windows(day_hours):
                groups.setdefault(window, []).append(day)
        found = []
        for (opens, closes, note), days in groups.items():
            schedule = {"id": self.ids.of(*key, "weekly", ",".join(_BYDAY[d] for d in days), opens or "", closes or ""),
                        **owner, "freq": "WEEKLY", "interval": 1, "byday": ",".join(_BYDAY[d] for d in days),
                        "attending_type": attending, "description": f"{attending}. {self.say.bank_holiday_text(hours)}"}
            if opens:
                schedule["opens_at"], schedule["closes_at"] = opens, closes
            if note:
                schedule["notes"] = note
            found.append(schedule)
        return found

    def _contact(self, service: Service, channel: Channel, index: int) -> dict[str, Any]:
        return {"id": self.ids.of("service", service.id, "contact", str(index)),
                "service_id": self.service_id(service), "name": channel.name, "title": self.say.channel_label(channel.type)}

    def _phone(self, service: Service, channel: Channel, index: int) -> dict[str, Any]:
        description = channel.name
        if self.say.open_text(channel.opening_hours):
            description += f": {self.say.open_text(channel.opening_hours)}"
        return {"id": self.ids.of("service", service.id, "phone", str(index)),
                "contact_id": self.ids.of("service", service.id, "contact", str(index)),
                "number": self.say.phone(channel.number), "description": description}

    # ------------------------------------------------------------ tables

    def tables(self) -> dict[str, bytes]:
        """The HSDS tabular data package: one CSV per table and datapackage.json describing them."""
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        rows["organizations"].append({k: v for k, v in self.organization().items()})
        locations_done = set()
        for service in self.catalogue.services:
            record = self.service(service)
            rows["services"].append({k: v for k, v in record.items() if not isinstance(v, (list, dict))})
            for link in record.get("service_at_locations", []):
                location = link["location"]
                rows["service_at_locations"].append(
                    {"id": link["id"], "service_id": link["service_id"], "location_id": link["location_id"]})
                if location["id"] not in locations_done:
                    locations_done.add(location["id"])
                    rows["locations"].append({k: v for k, v in location.items() if not isinstance(v, list)})
                    rows["addresses"].extend(location["addresses"])
                    rows["accessibility"].extend(location.get("accessibility", []))
            rows["schedules"].extend(record.get("schedules", []))
            rows["contacts"].extend(record.get("contacts", []))
            rows["phones"].extend(record.get("phones", []))
        files = {f"{name}.csv": _csv(TABLES[name], rows[name]) for name in TABLES}
        package = {
            "name": "open-counter-" + _slug(self.catalogue.council.name),
            "title": f"{self.catalogue.council.name}: services, offices and opening hours (HSDS)",
            "profile": "tabular-data-package",
            "licenses": [{"name": "OGL-UK-3.0", "title": "Open Government Licence v3.0",
                          "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"}],
            "resources": [{"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource", "format": "csv",
                           "mediatype": "text/csv", "encoding": "utf-8",
                           "schema": {"fields": [{"name": field, "type": _field_type(field)} for field in fields],
                                      "primaryKey": "id"}}
                          for name, fields in TABLES.items()],
        }
        files["datapackage.json"] = _json(package)
        return files


TABLES: dict[str, tuple[str, ...]] = {
    "organizations": ("id", "name", "description", "email", "website", "uri"),
    "services": ("id", "organization_id", "name", "description", "url", "email", "status", "assured_date"),
    "locations": ("id", "location_type", "name", "description", "latitude", "longitude"),
    "addresses": ("id", "location_id", "address_1", "city", "state_province", "postal_code", "country",
                  "address_type"),
    "accessibility": ("id", "location_id", "description"),
    "service_at_locations": ("id", "service_id", "location_id"),
    "schedules": ("id", "service_id", "service_at_location_id", "valid_from", "valid_to", "dtstart", "freq",
                  "interval", "byday", "opens_at", "closes_at", "attending_type", "description", "notes"),
    "contacts": ("id", "service_id", "name", "title"),
    "phones": ("id", "contact_id", "number", "description"),
}


def _field_type(name: str) -> str:
    if name in ("latitude", "longitude"):
        return "number"
    if name == "interval":
        return "integer"
    if name in ("valid_from", "valid_to", "dtstart", "assured_date"):
        return "date"
    return "string"


def _windows(day: DayHours) -> list[tuple[str | None, str | None, str]]:
    """(opens_at, closes_at, notes) for one day: 24 hours is 00:00 to 23:59, as the UK guidance says."""
    if day.kind == ALL_DAY:
        return [("00:00", "23:59", "Open 24 hours")]
    if day.kind == BY_APPOINTMENT:
        return [(None, None, "By appointment only")]
    if day.kind != OPEN:
        return []
    found = []
    for start, end in day.ranges:
        note = "Closes the next day" if end < start else ""
        found.append((_hhmm(start), _hhmm(end if end < 1440 else 1439), note))
    return found


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _csv(fields: Iterable[str], rows: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(fields), extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return buffer.getvalue().encode("utf-8")


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


__all__ = ["OpenReferral", "Ids", "VERSION", "FOLDER", "TABLES"]
