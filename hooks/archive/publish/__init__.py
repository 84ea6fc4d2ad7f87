"""Publishing a built site: the page security policy, the data files written beside the pages, the offline copy."""
