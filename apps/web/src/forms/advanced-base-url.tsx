import { TextField } from "../components/text-field";

interface AdvancedBaseUrlProps {
  id: string;
  name: string;
  value: string;
  error?: string | undefined;
  disabled?: boolean;
  onChange: (event: { target: { value: string } }) => void;
  providerName: string;
}

/**
 * The provider's API address, folded away: only for a regional or staging endpoint, a replay
 * server or a test double. Blank keeps the address this Roster server uses by default.
 */
export function AdvancedBaseUrl({ providerName, disabled, ...field }: AdvancedBaseUrlProps) {
  return (
    <details className="advanced" open={field.value !== "" || field.error !== undefined}>
      <summary>Advanced</summary>
      <TextField
        label={`${providerName} API base URL`}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="Leave blank for the default"
        disabled={disabled}
        hint={`Only to reach ${providerName} at another address (a regional or staging endpoint). The token is sent there.`}
        {...field}
      />
    </details>
  );
}
