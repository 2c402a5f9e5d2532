/* Loaded in <head>: tells the CSS that scripts run, so the phone menu stays behind its button. */
document.documentElement.classList.remove("no-js");
