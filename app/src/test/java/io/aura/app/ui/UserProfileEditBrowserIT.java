package io.aura.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The users screen's edit form in a real browser (headless Chromium) on a phone's 390 px: it opens on screen,
 * nothing scrolls sideways, axe finds nothing serious, and a bad e-mail is told beside its field. Screenshots:
 * target/screenshots/user-profile-edit-390*.png.
 */
class UserProfileEditBrowserIT extends BrowserTest {

    @Test
    void the_edit_form_fits_a_phone_and_tells_a_bad_e_mail_beside_its_field() throws Exception {
        String name = unique("phone-user-with-a-long-name");
        userWithEmail(name, name + "@a-rather-long-domain.example.org", "REQUESTER");
        ChromeDriver browser = phone();
        signIn(browser, "admin", ADMIN_PASSWORD);
        openView(browser, "admin/users");
        Chromium.waitUpTo(browser, 15).until(ExpectedConditions.presenceOfElementLocated(By.id("user-search")))
                .findElement(By.cssSelector("input")).sendKeys(name);
        By edit = By.cssSelector("vaadin-button.edit[aria-label='Edit the display name and e-mail of " + name + "']");
        // the search filters the list after a pause in typing: then the one row left is the one to click
        Chromium.waitUpTo(browser, 15).withMessage("the search did not narrow the list to " + name).until(d ->
                Long.valueOf(1).equals(Chromium.js(d, "return document.getElementById('users').size"))
                        && !d.findElements(edit).isEmpty());
        Chromium.settled(browser);

        browser.findElement(edit).click();
        WebElement email = Chromium.waitUpTo(browser, 15).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("profile-email")));
        Chromium.waitUntilStill(browser, "the edit form opening", "#profile-email, #profile-save");
        Chromium.screenshot(browser, "user-profile-edit-390");

        assertThat(Chromium.sidewaysScrollers(browser)).isEmpty();
        Number right = (Number) ((JavascriptExecutor) browser).executeScript(
                "return Math.max(...['profile-display-name', 'profile-email', 'profile-save']"
                        + ".map(id => document.getElementById(id).getBoundingClientRect().right));");
        assertThat(right.doubleValue()).as("the form's right edge").isLessThanOrEqualTo(390);
        assertThat(Chromium.accessibilityProblems(browser, "document")).isEmpty();

        WebElement input = email.findElement(By.cssSelector("input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "not an address");
        browser.findElement(By.id("profile-save")).click();
        Chromium.waitUpTo(browser, 15).until(d -> email.getDomAttribute("invalid") != null);
        Chromium.screenshot(browser, "user-profile-edit-390-invalid");
        assertThat(Chromium.sidewaysScrollers(browser)).isEmpty();
    }
}
