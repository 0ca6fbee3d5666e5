import { describe, expect, it } from "vitest";
import { problemText } from "./problemText";
import { stepOfField } from "./steps";

describe("stepOfField", () => {
  it("sends each core field path to the step that shows it", () => {
    expect(stepOfField("contactTypeOther")).toBe("type");
    expect(stepOfField("lastName")).toBe("basic");
    expect(stepOfField("emails.0.address")).toBe("basic");
    expect(stepOfField("phones.1.number")).toBe("basic");
    expect(stepOfField("addresses.0.city")).toBe("basic");
    expect(stepOfField("tags.3")).toBe("basic");
    expect(stepOfField("channelPreferences.2")).toBe("preferences");
    expect(stepOfField("timeZone")).toBe("preferences");
    expect(stepOfField("sites")).toBe("sites");
    expect(stepOfField("sites.0.authorityLimit")).toBe("sites");
    expect(stepOfField("approvalDate")).toBe("review");
  });
});

describe("problemText", () => {
  it("puts the label before a message that follows a field name", () => {
    expect(problemText("Business email", "needs a domain with a dot after the @, e.g. example.com")).toBe(
      "Business email needs a domain with a dot after the @, e.g. example.com",
    );
    expect(problemText("Last name", "is required")).toBe("Last name is required");
  });

  it("keeps a message that is a sentence of its own", () => {
    expect(problemText("Sites", "choose at least one site in your scope")).toBe("Choose at least one site in your scope");
    expect(problemText("Office phone", "an extension needs a number")).toBe("An extension needs a number");
  });
});
