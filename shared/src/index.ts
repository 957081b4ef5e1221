// Public surface of @tokentally/shared; modules are also importable by path (`@tokentally/shared/cost`).
export {};
