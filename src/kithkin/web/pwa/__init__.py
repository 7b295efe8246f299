"""The installable app: the web app manifest, the service worker (served from the root so its
scope is the whole site) and the page it shows when a page is not saved on the phone."""
