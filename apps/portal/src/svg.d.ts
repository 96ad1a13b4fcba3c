/** An SVG file imported as its text (angular.json: "loader": { ".svg": "text" }). */
declare module '*.svg' {
  const text: string;
  export default text;
}
