"""web stage (see DESIGN.md §3)."""
