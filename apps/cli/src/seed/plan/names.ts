const NAMES: Readonly<Record<string, { given: readonly string[]; family: readonly string[] }>> = {
  balkan: {
    given: ['Marko', 'Nikola', 'Stefan', 'Dragan', 'Goran', 'Milan', 'Dejan', 'Emir', 'Adnan'],
    family: ['Petrović', 'Jovanović', 'Nikolić', 'Marković', 'Hodžić', 'Begić', 'Kovačević'],
  },
  croatian: {
    given: ['Ivan', 'Tomislav', 'Josip', 'Luka', 'Ante', 'Mario'],
    family: ['Horvat', 'Babić', 'Kovačić', 'Marić', 'Jurić', 'Knežević'],
  },
  slovenian: {
    given: ['Matej', 'Rok', 'Žiga', 'Janez', 'Tomaž', 'Boštjan', 'Gregor', 'Uroš'],
    family: ['Novak', 'Horvat', 'Krajnc', 'Zupančič', 'Kovačič', 'Mlakar', 'Kos', 'Vidmar'],
  },
  eastSlavic: {
    given: ['Oleksandr', 'Andrii', 'Serhii', 'Volodymyr', 'Dmytro', 'Mykola', 'Vitalii'],
    family: ['Kovalenko', 'Bondarenko', 'Tkachenko', 'Shevchenko', 'Melnyk', 'Kravchenko'],
  },
  romanian: {
    given: ['Ion', 'Andrei', 'Mihai', 'Vasile', 'Gheorghe', 'Constantin', 'Florin'],
    family: ['Popescu', 'Rusu', 'Ciobanu', 'Munteanu', 'Lungu', 'Ceban', 'Moraru'],
  },
  turkish: {
    given: ['Mehmet', 'Mustafa', 'Ahmet', 'Emre', 'Hakan', 'Murat', 'Burak'],
    family: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Aydın'],
  },
  georgian: {
    given: ['Giorgi', 'Levan', 'Davit', 'Irakli', 'Nika', 'Zurab'],
    family: ['Beridze', 'Kapanadze', 'Gelashvili', 'Maisuradze', 'Lomidze'],
  },
  bulgarian: {
    given: ['Georgi', 'Dimitar', 'Ivaylo', 'Stoyan'],
    family: ['Ivanov', 'Georgiev', 'Dimitrov', 'Petrov'],
  },
  arabic: {
    given: ['Ahmad', 'Mohammad', 'Ali', 'Hassan', 'Omar', 'Khalid', 'Abdullah', 'Bilal', 'Yusuf'],
    family: ['Ahmadi', 'Hosseini', 'Rahimi', 'Al-Hassan', 'Haddad', 'Karimi', 'Khan', 'Nazari'],
  },
  southAsian: {
    given: ['Mohammed', 'Rahim', 'Sajid', 'Imran', 'Rakib', 'Arjun', 'Gurpreet', 'Sandeep'],
    family: ['Hossain', 'Rahman', 'Islam', 'Uddin', 'Singh', 'Kumar', 'Sharma', 'Gurung'],
  },
  cuban: {
    given: ['Yoandri', 'Yasmani', 'Reinier', 'Osmel', 'Yunior', 'Dayron'],
    family: ['González', 'Rodríguez', 'Pérez', 'Hernández', 'Díaz', 'Fernández'],
  },
  burundian: {
    given: ['Jean-Claude', 'Emmanuel', 'Gervais', 'Pacifique', 'Éric', 'Thierry'],
    family: ['Ndayishimiye', 'Niyonzima', 'Hakizimana', 'Nshimirimana', 'Irakoze'],
  },
  chinese: {
    given: ['Wei', 'Jun', 'Hao', 'Lei', 'Ming', 'Jian'],
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang'],
  },
};

const NAME_POOL: Readonly<Record<string, keyof typeof NAMES>> = {
  SI: 'slovenian',
  RS: 'balkan',
  BA: 'balkan',
  MK: 'balkan',
  HR: 'croatian',
  UA: 'eastSlavic',
  RU: 'eastSlavic',
  RO: 'romanian',
  MD: 'romanian',
  TR: 'turkish',
  GE: 'georgian',
  BG: 'bulgarian',
  BD: 'southAsian',
  IN: 'southAsian',
  NP: 'southAsian',
  CU: 'cuban',
  BI: 'burundian',
  CN: 'chinese',
};

/** The given and family names people of a nationality are drawn from. */
export const namesOf = (nationality: string) => NAMES[NAME_POOL[nationality] ?? 'arabic'];
