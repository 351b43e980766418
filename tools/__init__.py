"""Project tools that are not part of the site: the Lighthouse audit and its static server."""
