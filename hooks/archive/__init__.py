"""The archive's logic, free of MkDocs, as a pipeline of stages (each folder a stage, each importing
only the modules at this level and the stages before it):

    load/     read the editors' files and check their fields
    anchor/   find each quote and figure in the archived text
    render/   the HTML of every page
    export/   the open data files and the search index
    publish/  what is written beside the pages: the security policy, the data files, the offline copy

Beside them: model (the archive as plain data), config (mkdocs.yml's `extra.archive`, typed),
statuses (the default vocabulary), problems and messages (what an editor is told), urls (where
pages land), assemble (load and anchor the whole archive) and build (one build's state).
"""
