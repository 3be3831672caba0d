/** A number a lesson quotes (printed by <Fact>), or a string already written for the page. */
export type FactValue = number | string;
