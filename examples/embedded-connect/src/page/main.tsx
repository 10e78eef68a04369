import { createRoot } from "react-dom/client";
import { SettingsPage } from "./settings-page";

// The server renders <div id="root" data-customer="…">: the signed-in customer, in a real product.
const root = document.getElementById("root");
if (root) createRoot(root).render(<SettingsPage customerId={root.dataset.customer ?? ""} />);
