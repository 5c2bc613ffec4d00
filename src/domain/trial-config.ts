// The trial team's working defaults where the MSC-LES synopsis is silent (shared/clinical/README.md): one
// configuration object, composed from the areas that own each part, shown on screen as configured values.
export {};
