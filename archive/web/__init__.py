"""What journalists and auditors open: the pages (`views`), the JSON API (`api`), and the
request-level protections (`middleware`). Template helpers stay in `archive/templatetags`,
where Django looks for them."""
