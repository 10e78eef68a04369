// Placeholder: Zenefits' public REST API is read-only for HR data (reference §5). A later
// issue adds the ATS candidate-import module (reference §9) here, behind its own adapter.
