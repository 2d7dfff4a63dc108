/** Folds a city name for matching ("St. Louis" = "Saint Louis"); see fold-city.js. */
export declare function foldCity(name: string): string;
