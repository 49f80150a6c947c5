"""schema.org JSON-LD for pages: what search engines and assistants read about a service or an office.

A service page gets a GovernmentService (provider, area served, the channels to reach it by: phone,
web address, postal address, offices); an office page a GovernmentOffice with its weekly hours
and, as special opening hours, its closures and the bank holidays coming up; the contact page
the council as a GovernmentOrganization with its contact points. The same facts as the page, in
the page's language (said as the page's `inLanguage`; each channel says the languages it serves in).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from . import urls
from .calendar import bank_holidays, months_ahead
from .hours import ALL_DAY, OPEN, DayHours, OpeningHours
from .models import Catalogue, Channel, Office, Service
from .present import presenter

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class StructuredData:
    """JSON-LD documents for one catalogue's pages."""

    def __init__(self, catalogue: Catalogue, site_url: str):
        self.catalogue = catalogue
        self.site_url = site_url.rstrip("/") + "/"
        self.say = presenter(catalogue.language)
        w = self.say.w
        self.language = "-".join(filter(None, (w("language.code"), w("language.region"))))

    def _page(self, url: str) -> dict[str, Any]:
        """The page a record is the main thing of, with the language it is written in."""
        return {"@type": "WebPage", "@id": url, "inLanguage": self.language}

    def _languages(self, channel: Channel) -> list[str]:
        return list(channel.languages or self.catalogue.council.languages)

    def _url(self, src: str) -> str:
        return urls.absolute(self.site_url, urls.url_of(src))

    def organization(self, with_contacts: bool = False) -> dict[str, Any]:
        council = self.catalogue.council
        record: dict[str, Any] = {"@type": "GovernmentOrganization", "name": council.name, "url": council.website}
        if with_contacts:
            record["contactPoint"] = [self.contact_point(c) for c in self.catalogue.channels
                                      if c.number or c.email or c.url]
            post = next((c for c in self.catalogue.channels if c.type == "post"), None)
            if post:
                record["address"] = self.postal_address(post.address, post.postcode)
        return record

    def service(self, service: Service) -> dict[str, Any]:
        url = self._url(urls.service(service.id))
        record: dict[str, Any] = {
            "@context": "https://schema.org", "@type": "GovernmentService", "name": service.name,
            "description": service.summary, "url": url, "mainEntityOfPage": self._page(url),
            "serviceType": service.category.name, "provider": self.organization(),
            "areaServed": {"@type": "AdministrativeArea", "name": self.catalogue.council.name},
            "availableChannel": [self.channel(c) for c in service.contact],
        }
        for action in service.online:
            record["availableChannel"].append({"@type": "ServiceChannel", "name": action.label, "serviceUrl": action.url})
        for office in service.offices:
            if not office.is_closed:
                record["availableChannel"].append({"@type": "ServiceChannel",
                                                   "name": self.say.w("jsonld.in_person", office=office.name),
                                                   "serviceLocation": self.place(office)})
        return record

    def channel(self, channel: Channel) -> dict[str, Any]:
        record: dict[str, Any] = {"@type": "ServiceChannel", "name": channel.name,
                                  "availableLanguage": self._languages(channel)}
        if channel.number:
            record["servicePhone"] = self.contact_point(channel)
        if channel.email:
            record["serviceUrl"] = f"mailto:{channel.email}"
        if channel.url:
            record["serviceUrl"] = channel.url
        if channel.address:
            record["servicePostalAddress"] = self.postal_address(channel.address, channel.postcode)
        return record

    def contact_point(self, channel: Channel) -> dict[str, Any]:
        record: dict[str, Any] = {"@type": "ContactPoint", "name": channel.name,
                                  "contactType": self.say.channel_label(channel.type),
                                  "availableLanguage": self._languages(channel)}
        if channel.number:
            record["telephone"] = self.say.phone(channel.number)
        if channel.email:
            record["email"] = channel.email
        if channel.url:
            record["url"] = channel.url
        if channel.opening_hours:
            record["hoursAvailable"] = self.weekly(channel.opening_hours)
        return record

    def postal_address(self, lines: tuple[str, ...], postcode: str) -> dict[str, Any]:
        street, locality = (lines[:-1], lines[-1]) if len(lines) > 1 else (lines, "")
        record = {"@type": "PostalAddress", "streetAddress": ", ".join(street), "postalCode": postcode,
                  "addressCountry": "GB"}
        if locality:
            record["addressLocality"] = locality
        return record

    def place(self, office: Office) -> dict[str, Any]:
        record: dict[str, Any] = {"@type": "Place", "name": office.name,
                                  "address": self.postal_address(office.address, office.postcode),
                                  "url": self._url(urls.office(office.id))}
        if office.latitude is not None:
            record["geo"] = {"@type": "GeoCoordinates", "latitude": office.latitude, "longitude": office.longitude}
        return record

    def office(self, office: Office) -> dict[str, Any]:
        url = self._url(urls.office(office.id))
        record: dict[str, Any] = {
            "@context": "https://schema.org", "@type": "GovernmentOffice", "name": office.name,
            "url": url, "mainEntityOfPage": self._page(url), "address": self.postal_address(office.address, office.postcode),
            "parentOrganization": self.organization()}
        if office.latitude is not None:
            record["geo"] = {"@type": "GeoCoordinates", "latitude": office.latitude, "longitude": office.longitude}
        if office.phone:
            record["telephone"] = self.say.phone(office.phone)
        if office.facilities:
            record["amenityFeature"] = [{"@type": "LocationFeatureSpecification", "name": f, "value": True}
                                        for f in office.facilities]
        if office.is_closed:
            record["description"] = self.say.w("office.access.closed")
            return record
        if office.opening_hours:
            record["openingHoursSpecification"] = self.weekly(office.opening_hours)
        special = self.special_days(office)
        if special:
            record["specialOpeningHoursSpecification"] = special
        return record

    def contact(self) -> dict[str, Any]:
        return {"@context": "https://schema.org", **self.organization(with_contacts=True),
                "mainEntityOfPage": self._page(self._url(urls.CONTACT))}

    # ------------------------------------------------------------ hours

    def weekly(self, hours: OpeningHours) -> list[dict[str, Any]]:
        """One OpeningHoursSpecification per set of days with the same hours."""
        groups: dict[tuple[str, str], list[str]] = {}
        for index, day in enumerate(hours.days):
            for opens, closes in _windows(day):
                groups.setdefault((opens, closes), []).append(_DAYS[index])
        return [{"@type": "OpeningHoursSpecification", "dayOfWeek": [f"https://schema.org/{d}" for d in days],
                 "opens": opens, "closes": closes} for (opens, closes), days in groups.items()]

    def special_days(self, office: Office, months: int = 3) -> list[dict[str, Any]]:
        """Closures, and bank holidays whose hours differ from the usual, from the build date to `months` ahead."""
        today = self.catalogue.build_date
        end = months_ahead(today, months)
        found = []
        closed_days: set[date] = set()
        for closure in self.catalogue.upcoming_closures(office):
            if closure.start > end:
                continue
            found.append({"@type": "OpeningHoursSpecification", "validFrom": closure.start.isoformat(),
                          "validThrough": closure.end.isoformat(), "opens": "00:00", "closes": "00:00",
                          "description": closure.reason or self.say.w("closures.closed")})
            day = closure.start
            while day <= closure.end:
                closed_days.add(day)
                day = date.fromordinal(day.toordinal() + 1)
        hours = office.opening_hours
        if hours is None:
            return found
        for day, name in bank_holidays(self.catalogue.council.nation, today, end):
            if day in closed_days:
                continue
            usual, actual = hours.days[day.weekday()], hours.on(day, {day})
            if actual == usual:
                continue
            windows = _windows(actual) or [("00:00", "00:00")]  # 00:00 to 00:00: closed all day
            for opens, closes in windows:
                found.append({"@type": "OpeningHoursSpecification", "validFrom": day.isoformat(),
                              "validThrough": day.isoformat(), "opens": opens, "closes": closes,
                              "description": self.say.w("jsonld.bank_holiday", name=self.say.holiday(name))})
        return sorted(found, key=lambda item: item["validFrom"])


def _windows(day: DayHours) -> list[tuple[str, str]]:
    if day.kind == ALL_DAY:
        return [("00:00", "23:59")]
    if day.kind != OPEN:
        return []
    return [(_hhmm(a), _hhmm(b if b < 1440 else 1439)) for a, b in day.ranges]


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def script_tag(data: dict[str, Any]) -> str:
    """The document in a script element: no text from the catalogue can close the element or open markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


__all__ = ["StructuredData", "script_tag"]
