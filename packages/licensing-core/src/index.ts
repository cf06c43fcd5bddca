// Curated public surface of @vectis/licensing-core. Two blocks, edited independently:
// the licensing analytics block and the matching block. Keep both markers.

// --- licensing (margins, uncontracted seats, drift, Money Found, QBR label) ---

// --- end licensing ---

// --- matching (customer matching) ---

// --- end matching ---
export {};
