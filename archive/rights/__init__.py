"""Usage rights: "can I use it?" for a medium, a day and a territory.

- ``rules``: the pure rules (verdicts, costs, and the licence report's rights findings);
- ``facts``: the rules' facts gathered from the database, and the verdicts views and the
  API show;
- ``sql``: the search filter ``usable:<medium>``, the rules' mirror in SQL.

``media`` (the media's names) is pure and imported by the models; nothing is imported here.
"""
