"""The archive's logic, free of MkDocs: loading, validation, anchoring, rendering, exports."""
