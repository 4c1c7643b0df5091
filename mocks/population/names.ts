/**
 * Name tables. Quebec health numbers (NAM) are built from the first three letters of the
 * surname, the given name's initial and the birth date, so the tables are chosen to make that
 * decodable: every surname has its own three-letter prefix, and within each sex every given
 * name has its own initial. See Population.ts for why this matters.
 */
export const SURNAMES = [
  'Abbott', 'Bouchard', 'Chen', 'Desjardins', 'Edwards', 'Fortin', 'Gagnon', 'Hamel', 'Ibrahim',
  'Joseph', 'Khan', 'Lavoie', 'MacDonald', 'Nguyen', 'Ouellet', 'Patel', 'Quinn', 'Roy', 'Singh',
  'Tremblay', 'Usher', 'Vachon', 'Wong', 'Young', 'Zhang', 'Anderson', 'Bergeron', 'Campbell',
  'Dubois', 'Evans', 'Fraser', 'Girard', 'Harris', 'Ivanov', 'Johnson', 'Kim', 'Leblanc',
  'Martin', 'Nadeau', 'Olsen', 'Pelletier', 'Qureshi', 'Richard', 'Smith', 'Thompson', 'Ulrich',
  'Villeneuve', 'Wilson', 'Yip', 'Zimmerman', 'Arsenault', 'Brown', 'Cote', 'Daigle', 'Ellis',
  'Fontaine', 'Gauthier', 'Hebert', 'Inuk', 'Jensen', 'Kowalski', 'Lee', 'Mercier', 'Nowak',
  'Ortiz', 'Poirier', 'Quesnel', 'Rossi', 'Sauve', 'Taylor', 'Upton', 'Vincent', 'Walker',
  'Yilmaz', 'Zaman', 'Alvarez', 'Bell', 'Clarke', 'Doucet', 'Emond', 'Ferreira', 'Gill',
  'Hughes', 'Iqbal', 'Jacobs', 'Kaur', 'Lapointe', 'Morin', 'Nolan', 'Obi', 'Paquette', 'Ramos',
  'Scott', 'Turner', 'Unger', 'Vasquez', 'Wright', 'Yamamoto', 'Zuniga', 'Sutherland',
] as const;

export const FEMALE_GIVEN_NAMES = [
  'Amelia', 'Beatrice', 'Chloe', 'Diane', 'Emma', 'Fatima', 'Grace', 'Hannah', 'Isabelle',
  'Jasmine', 'Karine', 'Laura', 'Maya', 'Nadia', 'Olivia', 'Priya', 'Quinn', 'Rosalie', 'Sofia',
  'Tanya', 'Ursula', 'Valerie', 'Wendy', 'Xiu', 'Yasmin', 'Zoe',
] as const;

export const MALE_GIVEN_NAMES = [
  'Adam', 'Benoit', 'Charles', 'David', 'Ethan', 'Felix', 'Gabriel', 'Hassan', 'Ian', 'Jacob',
  'Kevin', 'Liam', 'Mohammed', 'Noah', 'Omar', 'Pierre', 'Quentin', 'Raj', 'Samuel', 'Thomas',
  'Umar', 'Victor', 'William', 'Xavier', 'Yusuf', 'Zachary',
] as const;

/** Upper-case ASCII letters only, accents folded: how the NAM spells a name. */
export const namLetters = (name: string) =>
  name.normalize('NFD').replace(/[^A-Za-z]/g, '').toUpperCase();
