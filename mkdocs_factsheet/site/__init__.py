"""The site layer: the pages, pictures and markers made from the fact sheets, with no MkDocs import.

`briefing` indexes the fact sheets; `urls` says where each page lives and how pages link; `html`
escapes and assembles HTML; `inline`, `tables`, `figures` and `pages` render; `markers` embeds
facts in hand-written pages; `project` shows paths as the user knows them.
"""
