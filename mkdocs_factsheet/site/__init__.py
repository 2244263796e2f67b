"""The briefing site's pages, independent of any site generator: the briefing model, URLs, pages,
pictures, highlighted article text and markers. Nothing here imports MkDocs."""
