// Teams' dark and high-contrast themes, loaded only when Teams asks for them.
export { teamsDarkTheme, teamsHighContrastTheme } from "@fluentui/react-components";
