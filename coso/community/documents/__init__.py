"""Documents of a community decision: the minutes in the forms of Decree 59/2023/NĐ-CP (DOCX and
PDF) and the printed household ballots with their codes (PDF).

`common` holds the wording and the plain dataclasses, `build` fills them from the database,
`docx`, `pdf` and `ballots` draw them. Only `build` touches the database.
"""
