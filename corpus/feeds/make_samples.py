#!/usr/bin/env python3
"""Builds the sample feeds in corpus/feeds/ from the five seed stories in corpus/ (run from the repository root).

Every format carries the same five stories (the seed text after its " date YYYY-MM-DD" prefix, unchanged), with
the ids, headlines, languages, times (with the sender's offset), sources and links a wire desk would get, and in
ninjs and NewsML-G2 the places and subjects the agency tags them with. The headlines, sources, links, times, places
and subjects are hand-made; the texts are the seeds'. Re-running gives the same files.
"""
import datetime, html, json, pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "corpus" / "feeds"

# id, language, local time with offset, source, headline
META = {
    "000_a63dd37710ce54de": ("ru", "2025-12-19T11:40:00+05:00", "Kazinform",
        "Клуб главных редакторов и Минобороны подписали меморандум о сотрудничестве"),
    "001_d1c549c40eb2123d": ("kk", "2025-09-29T01:30:00+05:00", "BAQ.KZ",
        "Алматыда Қазақстан-Ресей екінші медиафорумы өтті"),
    "002_d3bbba17cf235b5c": ("ru", "2025-09-29T09:05:00+03:00", "Sample wire (ru)",
        "В Алматы прошёл II казахстанско-российский медиафорум"),
    "003_1a1ef730ee62db7a": ("ru", "2025-09-29T14:20:00+05:00", "Kazinform",
        "В Алматы обсудили будущее медиапространства Казахстана и России"),
    "004_44aa219e34cbe709": ("ru", "2025-11-28T12:00:00+05:00", "Sample wire (ru)",
        "Вице-министр: Странам ОТГ нужно углублять кооперацию в медиасфере"),
}

RFC822_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

# The forum reports are filed from Almaty (GeoNames 1526384); every seed is about the media (IPTC Media Topic 01000000).
FORUM = ("001", "002", "003")
ALMATY_URI = "http://sws.geonames.org/1526384/"
MEDIA_QCODE, MEDIA_URI = "medtop:01000000", "http://cv.iptc.org/newscodes/mediatopic/01000000"
MEDIA_NAMES = {"en": "arts, culture, entertainment and media", "ru": "искусство, культура, развлечения и СМИ",
               "kk": "өнер, мәдениет, ойын-сауық және БАҚ"}


def seeds():
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        body = text.lstrip("\ufeff \t")[len("date 2025-09-29"):].lstrip(" \t")
        sid = path.stem
        lang, time, source, title = META[sid]
        yield dict(id=sid, lang=lang, time=time, source=source, title=title, text=body,
                   link=f"https://wire.storymerge.example/{lang}/{sid}", guid=f"urn:storymerge:seed:{sid}")


def revised(iso):
    """The time of the item's second version: a quarter of an hour after the first, at the same offset."""
    return (datetime.datetime.fromisoformat(iso) + datetime.timedelta(minutes=15)).isoformat()


def paragraphs(text):
    return [p.strip() for p in text.split("\n") if p.strip()]


def xhtml(text):
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs(text))


def rfc822(iso):
    date, clock = iso[:10], iso[11:19]
    y, m, d = date.split("-")
    offset = iso[19:].replace(":", "")
    day = datetime.date(int(y), int(m), int(d)).strftime("%a")
    return f"{day}, {int(d)} {RFC822_MONTHS[int(m) - 1]} {y} {clock} {offset}"


def write(name, content):
    (OUT / name).write_text(content, encoding="utf-8")


def rss(items):
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
           "<channel>", "<title>StoryMerge sample wire</title>", "<link>https://wire.storymerge.example/</link>",
           "<description>The seed stories as an RSS 2.0 feed</description>", "<language>ru</language>"]
    for s in items:
        out += ["<item>", f"<title>{html.escape(s['title'])}</title>", f"<link>{s['link']}</link>",
                f'<guid isPermaLink="false">{s["guid"]}</guid>', f"<pubDate>{rfc822(s['time'])}</pubDate>",
                f"<dc:language>{s['lang']}</dc:language>",
                f'<source url="https://wire.storymerge.example/rss">{html.escape(s["source"])}</source>',
                f"<description>{html.escape(paragraphs(s['text'])[0][:200])}</description>",
                f"<content:encoded><![CDATA[{xhtml(s['text'])}]]></content:encoded>", "</item>"]
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out)


def atom(items):
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">',
           "<title>StoryMerge sample wire</title>", "<id>urn:storymerge:sample-wire</id>",
           "<updated>2025-12-19T11:40:00+05:00</updated>", '<link href="https://wire.storymerge.example/"/>']
    for s in items:
        out += [f'<entry xml:lang="{s["lang"]}">', f"<id>{s['guid']}</id>", f"<title>{html.escape(s['title'])}</title>",
                f'<link rel="alternate" href="{s["link"]}"/>', f"<published>{s['time']}</published>",
                f"<updated>{s['time']}</updated>", f"<author><name>{html.escape(s['source'])}</name></author>",
                f'<content type="html">{html.escape(xhtml(s["text"]))}</content>', "</entry>"]
    out += ["</feed>", ""]
    return "\n".join(out)


def json_feed(items):
    return json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "StoryMerge sample wire",
        "home_page_url": "https://wire.storymerge.example/", "language": "ru",
        "items": [{"id": s["guid"], "url": s["link"], "title": s["title"], "content_text": s["text"],
                   "date_published": s["time"], "language": s["lang"], "authors": [{"name": s["source"]}]} for s in items],
    }, ensure_ascii=False, indent=2) + "\n"


def ninjs3(s):
    forum = s["id"][:3] in FORUM
    return {"uri": s["guid"], "type": "text", "language": s["lang"], "firstCreated": s["time"], "versionCreated": revised(s["time"]),
            **({"located": "Алматы", "places": [{"name": "Алматы", "rel": "located", "uri": ALMATY_URI}]} if forum else {}),
            "subjects": [{"name": MEDIA_NAMES[s["lang"]], "uri": MEDIA_URI, "literal": MEDIA_QCODE}],
            "headlines": [{"role": "main", "value": s["title"]}],
            "bodies": [{"role": "text", "contentType": "text/plain", "value": s["text"]},
                       {"role": "richtext", "contentType": "application/xhtml+xml", "value": xhtml(s["text"])}],
            "infoSources": [{"name": s["source"], "role": "source"}], "copyrightHolder": s["source"],
            "renditions": [{"name": "web", "href": s["link"], "contentType": "text/html"}],
            "standard": {"name": "ninjs", "version": "3.1", "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"}}


def ninjs1(s):
    return {"uri": s["guid"], "type": "text", "language": s["lang"], "versioncreated": revised(s["time"]), "firstcreated": s["time"],
            "headline": s["title"], "body_text": s["text"], "copyrightholder": s["source"],
            "place": [{"name": "Алматы", "scheme": "http://sws.geonames.org/", "code": "1526384"}],
            "subject": [{"name": MEDIA_NAMES["en"], "scheme": "http://cv.iptc.org/newscodes/mediatopic/", "code": "01000000"}]}


def newsml(items):
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">',
           "<header><sent>2025-12-19T12:00:00+05:00</sent><sender>wire.storymerge.example</sender></header>", "<itemSet>"]
    for s in items:
        out += [f'<newsItem guid="{s["guid"]}" version="1" standard="NewsML-G2" standardversion="2.33" conformance="power" xml:lang="{s["lang"]}">',
                '<catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>',
                "<itemMeta>", '<itemClass qcode="ninat:text"/>',
                f'<provider literal="{html.escape(s["source"])}"><name>{html.escape(s["source"])}</name></provider>',
                f"<versionCreated>{revised(s['time'])}</versionCreated>", f"<firstCreated>{s['time']}</firstCreated>",
                '<pubStatus qcode="stat:usable"/>', f'<link rel="irel:seeAlso" href="{s["link"]}"/>', "</itemMeta>",
                "<contentMeta>", f"<contentCreated>{s['time']}</contentCreated>",
                f'<located type="loctype:city" uri="{ALMATY_URI}"><name>Алматы</name></located>' if s["id"][:3] in FORUM else "",
                f'<subject type="cpnat:abstract" qcode="{MEDIA_QCODE}">'
                + "".join(f'<name xml:lang="{lang}">{html.escape(name)}</name>' for lang, name in MEDIA_NAMES.items()) + "</subject>",
                f'<language tag="{s["lang"]}"/>', f"<headline>{html.escape(s['title'])}</headline>", "</contentMeta>",
                "<contentSet>", '<inlineXML contenttype="application/xhtml+xml">',
                f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{html.escape(s["title"])}</title></head><body>{xhtml(s["text"])}</body></html>',
                "</inlineXML>", "</contentSet>", "</newsItem>"]
    out += ["</itemSet>", "</newsMessage>", ""]
    return "\n".join(line for line in out if line)


def page(s):
    return f"""<!DOCTYPE html>
<html lang="{s['lang']}">
<head>
<meta charset="utf-8">
<title>{html.escape(s['title'])} | {html.escape(s['source'])}</title>
<meta property="og:title" content="{html.escape(s['title'])}">
<meta property="og:site_name" content="{html.escape(s['source'])}">
<meta property="og:url" content="{s['link']}">
<meta property="article:published_time" content="{s['time']}">
<link rel="canonical" href="{s['link']}">
</head>
<body>
<header><nav><ul><li><a href="/">Главная</a></li><li><a href="/politics">Политика</a></li><li><a href="/economy">Экономика</a></li><li><a href="/society">Общество</a></li><li><a href="/sport">Спорт</a></li></ul></nav>
<div class="ticker">USD 539.12 · EUR 627.40 · RUB 6.55</div></header>
<main>
<article>
<h1>{html.escape(s['title'])}</h1>
<div class="meta"><time datetime="{s['time']}">29 сентября 2025, 14:20</time></div>
{"".join(f"<p>{html.escape(p, quote=False)}</p>" + chr(10) for p in paragraphs(s['text']))}
</article>
<aside class="related"><h2>Читайте также</h2><ul><li><a href="/a1">Курс тенге на 29 сентября</a></li><li><a href="/a2">Погода в Алматы на неделю</a></li><li><a href="/a3">Итоги матча «Кайрат» — «Астана»</a></li></ul></aside>
</main>
<footer><p>© 2025 {html.escape(s['source'])}. Все права защищены.</p><p><a href="/about">О нас</a> · <a href="/ads">Реклама</a></p></footer>
</body>
</html>
"""


def main():
    items = list(seeds())
    write("seeds.rss", rss(items))
    write("seeds.atom", atom(items))
    write("seeds.feed.json", json_feed(items))
    write("seeds.ninjs.json", json.dumps([ninjs3(s) for s in items], ensure_ascii=False, indent=2) + "\n")
    write("seeds.newsml.xml", newsml(items))
    write("forum-event.ninjs.json", json.dumps({
        "uri": "urn:storymerge:sample-event:media-forum-2025", "type": "event", "language": "ru",
        "title": "II Казахстанско-российский медиафорум, Алматы",
        "associations": [dict(ninjs3(s), name=f"report-{i + 1}") for i, s in enumerate(items) if s["id"][:3] in FORUM],
    }, ensure_ascii=False, indent=2) + "\n")
    write("forum-legacy.ninjs1.json", json.dumps(ninjs1(items[3]), ensure_ascii=False, indent=2) + "\n")
    write("forum-page.html", page(items[3]))


if __name__ == "__main__":
    main()
