// Entry point of /signin.html (see signin-page.ts): add it to webpack's pages as { name: "signin", entry: "./addin/auth/signin.ts", template: "./addin/auth/signin.html" }.
import { runSignInPage } from "./signin-page";

void runSignInPage();
