# Parses a feed with Debian's feedparser (independent of our code) and prints what it understood as JSON.
import json, sys, feedparser

d = feedparser.parse(sys.argv[1])
print(json.dumps({
    "bozo": bool(d.bozo),
    "bozo_exception": str(d.get("bozo_exception", "")),
    "version": d.version,
    "title": d.feed.get("title"),
    "link": d.feed.get("link"),
    "language": d.feed.get("language"),
    "links": [{"rel": l.get("rel"), "href": l.get("href")} for l in d.feed.get("links", [])],
    "entries": [{
        "id": e.get("id"),
        "title": e.get("title"),
        "link": e.get("link"),
        "updated": e.get("updated"),
        "published": e.get("published"),
        "content": (e.get("content") or [{}])[0].get("value") or e.get("summary"),
    } for e in d.entries],
}))
