/**
 * Synthetic people for the demo school. Names are combined from common given names and surnames of many
 * cultures; no combination refers to a real person, and every email is under the reserved `.test` domain.
 */
const GIVEN = [
  "Ava", "Noah", "Mia", "Liam", "Zara", "Mateo", "Aiko", "Kofi", "Lena", "Omar", "Priya", "Jonas", "Sofia", "Ethan",
  "Amara", "Leo", "Nia", "Ravi", "Elif", "Diego", "Hana", "Samir", "Freya", "Kai", "Lucia", "Tariq", "Ines", "Owen",
  "Yara", "Felix", "Mei", "Tomas", "Ada", "Jamal", "Iris", "Arjun", "Chloe", "Emeka", "Sara", "Luca",
];
const FAMILY = [
  "Okafor", "Lindqvist", "Moreno", "Tanaka", "Haddad", "Kowalski", "Mensah", "Ferreira", "Nguyen", "Schmidt",
  "Patel", "O'Brien", "Rossi", "Kim", "Dubois", "Novak", "Silva", "Cohen", "Andersen", "Ibrahim", "Petrov",
  "Castillo", "Yilmaz", "Fischer", "Sato", "Mwangi", "Larsen", "Alvarez", "Chen", "Nakamura",
];

/** The i-th synthetic full name; deterministic so the demo is the same on every machine. */
export function syntheticName(i: number): { given: string; family: string } {
  // Different strides through the two lists give many distinct pairs before any repeats.
  return { given: GIVEN[(i * 7) % GIVEN.length]!, family: FAMILY[(i * 11 + 3) % FAMILY.length]! };
}
